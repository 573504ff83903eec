from typing import Any

from django.core.management.base import BaseCommand

from govcounsel.accounts.models import User

from .seed_demo import ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "列出演示账号。"

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"\n演示账号（密码均为 {DEMO_PASSWORD}）：")
        users = {u.username: u for u in User.objects.prefetch_related("grants")}
        for username, _display, _role, _anchor in ACCOUNTS:
            user = users.get(username)
            if user is None:
                continue
            grants = "；".join(str(g) for g in user.grants.all())
            self.stdout.write(f"  {username:<16} {grants}")
        self.stdout.write("")
