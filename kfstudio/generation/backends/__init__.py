"""Backend implementations; create them with :func:`kfstudio.generation.backend.create_backend`.

Each module is imported only when its backend is created, so importing this package is cheap.
"""
