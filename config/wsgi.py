import os

from django.core.wsgi import get_wsgi_application

from porth.core.serving import FreezeWhatLasts

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = FreezeWhatLasts(get_wsgi_application())
