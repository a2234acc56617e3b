# Welsh formats that differ from Django's "cy" ones: times on the 24-hour clock, as in English ("14:30", not
# "2:30 y.h."), so that both languages tell the time the same way. Everything not set here is Django's.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j/m/Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
