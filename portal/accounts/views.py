"""Log in, log out, register, reset the password, the account page."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from portal.accounts import services
from portal.accounts.forms import (
    ForgotPasswordForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
)
from portal.accounts.tokens import user_for_reset_token
from portal.extensions import db, limiter
from portal.pages.navigation import safe_next_url

bp = Blueprint("accounts", __name__)


@bp.route("/inloggen", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user:
            db.session.commit()
            login_user(user)
            flash(_("U bent ingelogd."), "success")
            return redirect(
                safe_next_url(request.args.get("next") or url_for("accounts.account"))
            )
        form.password.errors.append(_("Het e-mailadres of het wachtwoord klopt niet."))
    return render_template("accounts/login.html", form=form)


@bp.post("/uitloggen")
def logout():
    logout_user()
    flash(_("U bent uitgelogd."), "success")
    return redirect(url_for("pages.home"))


@bp.route("/registreren", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register(
                role=form.role.data,
                name=form.name.data,
                email=form.email.data,
                password=form.password.data,
                organisation_name=form.organisation_name.data,
                kvk_number=form.kvk_number.data,
            )
        except services.EmailTaken:
            form.email.errors.append(
                _(
                    "Er is al een account met dit e-mailadres. Log in of vraag een nieuw wachtwoord aan."
                )
            )
        else:
            db.session.commit()
            login_user(user)
            flash(_("Uw account is aangemaakt."), "success")
            # Back to where one came from, e.g. an employer's invitation link.
            return redirect(
                safe_next_url(request.args.get("next") or url_for("accounts.account"))
            )
    return render_template("accounts/register.html", form=form)


@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@limiter.limit("5 per minute", methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        db.session.commit()
        flash(
            _(
                "Als er een account is met dit e-mailadres, krijgt u binnen een paar minuten "
                "een e-mail met een link. De link werkt 1 uur."
            ),
            "info",
        )
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/wachtwoord-herstellen/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    user = user_for_reset_token(token)
    if user is None:
        flash(_("Deze link werkt niet meer. Vraag een nieuwe link aan."), "error")
        return redirect(url_for("accounts.forgot_password"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.set_new_password(user, form.password.data)
        db.session.commit()
        flash(_("Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen."), "success")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_password.html", form=form)


@bp.get("/account")
@login_required
def account():
    return render_template("accounts/account.html", user=current_user)
