from typing import Any

from django.core.management.base import BaseCommand
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from govcounsel.accounts.models import User
from govcounsel.accounts.two_factor import secret_of
from govcounsel.demo.accounts import DEMO_PASSWORD

from .seed_demo import ACCOUNTS


class Command(BaseCommand):
    help = "列出演示账号。"

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"\n演示账号（密码均为 {DEMO_PASSWORD}）：")
        users = {u.username: u for u in User.objects.prefetch_related("grants")}
        devices = {d.user_id: d for d in TOTPDevice.objects.filter(confirmed=True).order_by("pk")}
        for username, _display, _role, _anchor in ACCOUNTS:
            user = users.get(username)
            if user is None:
                continue
            grants = "；".join(str(g) for g in user.grants.all())
            self.stdout.write(f"  {username:<16} {grants}")
            device = devices.get(user.pk)
            if device is not None:
                code = f"{totp(device.bin_key):06d}"
                self.stdout.write(
                    f"  {'':<16} 两步验证密钥 {secret_of(device)}（当前验证码 {code}）"
                )
        self.stdout.write(
            "\n带两步验证密钥的账号登录后须输入动态验证码：把密钥加入手机上的身份验证器应用"
            "（FreeOTP、Google Authenticator 等），或重新运行 `python manage.py demo_logins`"
            " 查看当前验证码（每30秒更换）。"
        )
        self.stdout.write("")
