"""Storage: SQLAlchemy models, the repository the handlers use, and Alembic migrations."""
