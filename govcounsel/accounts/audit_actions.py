"""The audit actions of accounts, logins and role grants (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("accounts", _("账号与权限"))
for name, label in (
    ("accounts.login.succeeded", _("登录成功")),
    ("accounts.login.failed", _("登录失败")),
    ("accounts.login.throttled", _("登录过于频繁被拒绝")),
    ("accounts.logout", _("退出登录")),
    ("accounts.lockout.unlocked", _("解除账号锁定")),
    ("accounts.session.ended", _("结束登录会话")),
    ("accounts.user.created", _("创建账号")),
    ("accounts.user.updated", _("修改账号")),
    ("accounts.password.changed", _("修改密码")),
    ("accounts.password.reset", _("重置密码")),
    ("accounts.password.reset_refused", _("拒绝重置密码")),
    ("accounts.admin_reset.requested", _("申请重置管理员密码")),
    ("accounts.admin_reset.refused", _("拒绝重置管理员密码")),
    ("accounts.admin_reset.confirmed", _("确认重置管理员密码")),
    ("accounts.grant.created", _("授予角色")),
    ("accounts.grant.requested", _("申请授予角色")),
    ("accounts.grant.approved", _("批准授予角色")),
    ("accounts.grant.rejected", _("驳回授予角色")),
    ("accounts.grant.revoked", _("撤销角色")),
    ("accounts.two_factor.enabled", _("启用动态验证码")),
    ("accounts.two_factor.disabled", _("停用动态验证码")),
    ("accounts.two_factor.failed", _("动态验证码验证失败")),
    ("accounts.two_factor.recovery_code_used", _("使用恢复码登录")),
    ("accounts.token.issued", _("签发接口令牌")),
    ("accounts.token.revoked", _("吊销接口令牌")),
):
    actions.register(name, label, group="accounts")
