// Welsh for the Django admin's own scripts (its calendar and clock), which Django's Welsh catalogue leaves in
// English. Like django_welsh.py, this file is read only by `make messages` (makemessages -d djangojs), so the
// strings stay in the project's djangojs catalogue, which the admin's script catalogue reads after Django's.
// Nothing loads it in a page. Add a string here when the admin shows English on a /cy/ page.

gettext("Choose a Time");
gettext("Choose a Date");
gettext("6 p.m.");
gettext("6 a.m.");
gettext("January");
gettext("February");
gettext("March");
gettext("April");
gettext("May");
gettext("June");
gettext("July");
gettext("August");
gettext("September");
gettext("October");
gettext("November");
gettext("December");
pgettext("one letter Sunday", "S");
pgettext("one letter Monday", "M");
pgettext("one letter Tuesday", "T");
pgettext("one letter Wednesday", "W");
pgettext("one letter Thursday", "T");
pgettext("one letter Friday", "F");
pgettext("one letter Saturday", "S");
