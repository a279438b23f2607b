"""Leerwijzer: the lifelong-learning portal of three Dutch labour-market regions."""

from flask import Flask

from portal import cli, config, errors, extensions, i18n, templating
from portal.search import engine as search_engine


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, error pages, commands."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    config.load(app, test_config)
    extensions.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    search_engine.init_app(app)
    register_blueprints(app)
    errors.init_app(app)
    cli.init_app(app)
    return app


def register_blueprints(app: Flask) -> None:
    import portal.api.search  # noqa: F401  (adds /api/v1/search to the API blueprint)
    import portal.api.vouchers  # noqa: F401  (adds /api/v1/vouchers/quote and /funds)
    from portal.accounts.views import bp as accounts_bp
    from portal.api.route import bp as api_route_bp
    from portal.api.views import bp as api_bp
    from portal.catalog.views import bp as catalog_bp
    from portal.desk.mine import bp as my_questions_bp
    from portal.desk.views import bp as desk_bp
    from portal.imports.views import bp as imports_bp
    from portal.lokets.questionnaire_views import bp as questionnaire_bp
    from portal.lokets.views import bp as lokets_bp
    from portal.pages.views import bp as pages_bp
    from portal.regions.views import bp as regions_bp
    from portal.search.views import bp as search_bp
    from portal.vouchers.application_views import bp as applications_bp
    from portal.vouchers.desk_views import bp as voucher_desk_bp
    from portal.vouchers.report_views import bp as voucher_report_bp
    from portal.vouchers.views import bp as vouchers_bp

    for bp in (
        pages_bp,
        regions_bp,
        lokets_bp,
        questionnaire_bp,
        catalog_bp,
        vouchers_bp,
        applications_bp,
        search_bp,
        accounts_bp,
        my_questions_bp,
        desk_bp,
        voucher_desk_bp,
        voucher_report_bp,
        imports_bp,
        api_bp,
        api_route_bp,
    ):
        app.register_blueprint(bp)
