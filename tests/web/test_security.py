"""CSRF protection and rate limiting, with the real extensions switched on."""

from tests.conftest import make_app


def test_forms_without_a_csrf_token_are_refused(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'csrf.db'}", tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        from portal.extensions import db

        db.create_all()
    client = app.test_client()
    response = client.post("/inloggen", data={"email": "a@b.nl", "password": "x" * 12})
    assert response.status_code == 400
    assert "Uw sessie is verlopen" in response.get_data(as_text=True)


def test_too_many_login_attempts_are_slowed_down(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'rl.db'}", tmp_path, RATELIMIT_ENABLED=True)
    with app.app_context():
        from portal.extensions import db

        db.create_all()
    client = app.test_client()
    statuses = [
        client.post(
            "/inloggen", data={"email": "a@b.nl", "password": "x" * 12}
        ).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
