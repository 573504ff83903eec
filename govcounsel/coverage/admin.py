"""Coverage targets and bulletins are business reports and have no place in the back office.

The back office belongs to the three administrator duties, and under 三员分立 none of them reads
business reports: targets are set and read by supervisors on the coverage pages and
the API (000 #12), bulletins are issued and read there too. Nothing of this app is registered.
"""
