from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Fingerprinted, compressed static files; JavaScript modules' imports are rewritten to the fingerprinted
    names too (porth-init.js imports GOV.UK Frontend), so a new release is never half old, half new."""

    support_js_module_import_aggregation = True
