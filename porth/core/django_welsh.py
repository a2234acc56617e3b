"""Welsh for Django's own strings that its Welsh catalogue leaves out or gets wrong.

Django's Welsh catalogue translates only part of the admin, auth and core strings, and spells July
"Gorffenaf". Porth's catalogue (locale/cy) comes first, so it can fill the gaps and correct the spelling; but
`make messages` runs makemessages with --no-obsolete, which drops every entry the project's source does not
mark. This module marks them, so their Welsh stays in the catalogue. Nothing imports it: it is read only by
makemessages. Add a string here when Django shows English on a /cy/ page.
"""

# Django's msgids are kept whole, exactly as Django writes them, so some lines are long.
# ruff: noqa: E501

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

# django.contrib.admin
gettext_noop("Delete multiple objects")
gettext_noop("No date")
gettext_noop("Has date")
gettext_noop("Empty")
gettext_noop("Not empty")
gettext_noop("Addition")
gettext_noop("Deletion")
gettext_noop("user")
gettext_noop("content type")
gettext_noop("Added “%(object)s”.")
gettext_noop("Changed “%(object)s” — %(changes)s")
gettext_noop("Deleted “%(object)s.”")
gettext_noop("Added {name} “{object}”.")
gettext_noop("Added.")
gettext_noop("Changed {fields} for {name} “{object}”.")
gettext_noop("Changed {fields}.")
gettext_noop("Deleted {name} “{object}”.")
gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one.")
gettext_noop("Select this object for an action - {}")
gettext_noop("The {name} “{obj}” was added successfully.")
gettext_noop("You may edit it again below.")
gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below.")
gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below.")
gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below.")
gettext_noop("The {name} “{obj}” was changed successfully.")
gettext_noop("The %(name)s “%(obj)s” was deleted successfully.")
gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?")
gettext_noop("View %s")
gettext_noop("We’re sorry, but the requested page could not be found.")
gettext_noop(
    "There’s been an error. It’s been reported to the site administrators via email and should be fixed shortly. Thanks for your patience."
)
gettext_noop("Breadcrumbs")
gettext_noop("Model name")
gettext_noop("Add link")
gettext_noop("Change or view list link")
gettext_noop("View")
gettext_noop("You don’t have permission to view or edit anything.")
gettext_noop("After you’ve created a user, you’ll be able to edit more user options.")
gettext_noop("Error:")
gettext_noop("Set password")
gettext_noop("This action will <strong>enable</strong> password-based authentication for this user.")
gettext_noop("Disable password-based authentication")
gettext_noop("Enable password-based authentication")
gettext_noop("Skip to main content")
gettext_noop("View site")
gettext_noop("Hide counts")
gettext_noop("Show counts")
gettext_noop("Clear all filters")
gettext_noop("Toggle theme (current theme: auto)")
gettext_noop("Toggle theme (current theme: light)")
gettext_noop("Toggle theme (current theme: dark)")
gettext_noop(
    'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of the following related items will be deleted:'
)
gettext_noop("Objects")
gettext_noop("Yes, I’m sure")
gettext_noop("No, take me back")
gettext_noop(
    "Deleting the selected %(objects_name)s would result in deleting related objects, but your account doesn't have permission to delete the following types of objects:"
)
gettext_noop("Summary")
gettext_noop("Recent actions")
gettext_noop("My actions")
gettext_noop("Added:")
gettext_noop("Changed:")
gettext_noop("Deleted:")
gettext_noop(
    "Something’s wrong with your database installation. Make sure the appropriate database tables have been created, and make sure the database is readable by the appropriate user."
)
gettext_noop(
    "You are authenticated as %(username)s, but are not authorized to access this page. Would you like to login to a different account?"
)
gettext_noop("Forgotten your login credentials?")
gettext_noop("Toggle navigation")
gettext_noop("Sidebar")
gettext_noop("Start typing to filter…")
gettext_noop("Filter navigation items")
gettext_noop("This object doesn’t have a change history. It probably wasn’t added via this admin site.")
gettext_noop("Popup closing…")
gettext_noop("Save and view")
gettext_noop("Close")
gettext_noop("Change selected %(model)s")
gettext_noop("Add another %(model)s")
gettext_noop("Delete selected %(model)s")
gettext_noop("View selected %(model)s")
gettext_noop("Thanks for spending some quality time with the web site today.")
gettext_noop(
    "Please enter your old password, for security’s sake, and then enter your new password twice so we can verify you typed it in correctly."
)
gettext_noop(
    "We’ve emailed you instructions for setting your password, if an account exists with the email you entered. You should receive them shortly."
)
gettext_noop(
    "If you don’t receive an email, please make sure you’ve entered the address you registered with, and check your spam folder."
)
gettext_noop("In case you’ve forgotten, you are:")
gettext_noop(
    "Forgotten your password? Enter your email address below, and we’ll email instructions for setting a new one."
)
gettext_noop("Select all objects on this page for an action")
gettext_noop("Select %s to view")
ngettext_lazy("entry", "entries")

# django.contrib.auth
gettext_noop("%(name)s object with primary key %(key)r does not exist.")
gettext_noop("Conflicting form data submitted. Please try again.")
gettext_noop("Password-based authentication was disabled.")
gettext_noop("Set password: %s")
gettext_noop("Reset password")
gettext_noop("The two password fields didn’t match.")
gettext_noop("Enter the same password as before, for verification.")
gettext_noop(
    "Whether the user will be able to authenticate using a password or not. If disabled, they may still be able to authenticate using other backends, such as Single Sign-On or LDAP."
)
gettext_noop("Password-based authentication")
gettext_noop("Enabled")
gettext_noop("Disabled")
gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password.")
gettext_noop("Enable password-based authentication for this user by setting a password.")
gettext_noop("variety")
gettext_noop("memory cost")
gettext_noop("time cost")
gettext_noop("parallelism")
gettext_noop("block size")
gettext_noop(
    "The groups this user belongs to. A user will get all permissions granted to each of their groups."
)
gettext_noop("Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.")
gettext_noop("The password is too similar to the %(verbose_name)s.")
gettext_noop("Your password can’t be too similar to your other personal information.")
gettext_noop("This password is too common.")
gettext_noop("Your password can’t be a commonly used password.")
gettext_noop("This password is entirely numeric.")
gettext_noop("Your password can’t be entirely numeric.")
gettext_noop(
    "Enter a valid username. This value may contain only unaccented lowercase a-z and uppercase A-Z letters, numbers, and @/./+/-/_ characters."
)
gettext_noop(
    "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."
)
gettext_noop("Password reset sent")
ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
)
ngettext_lazy(
    "Your password must contain at least %(min_length)d character.",
    "Your password must contain at least %(min_length)d characters.",
)

# Django's forms, validators, pagination and time spans
gettext_noop("Null characters are not allowed.")
gettext_noop("Messages")
gettext_noop("…")
gettext_noop("That page number is not an integer")
gettext_noop("That page number is less than 1")
gettext_noop("That page contains no results")
gettext_noop("Enter a valid domain name.")
gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.")
gettext_noop("Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.")
gettext_noop("Enter a valid %(protocol)s address.")
gettext_noop("Ensure this value is a multiple of step size %(limit_value)s.")
gettext_noop("File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s.")
gettext_noop("Constraint “%(name)s” is violated.")
gettext_noop("Value must be valid JSON.")
gettext_noop("Enter a valid duration.")
gettext_noop("The number of days must be between {min_days} and {max_days}.")
gettext_noop("Enter a valid UUID.")
gettext_noop("Enter a valid JSON.")
gettext_noop("“%(pk)s” is not a valid value.")
gettext_noop(
    "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be ambiguous or it may not exist."
)
gettext_noop(
    "If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for “same-origin” requests."
)
gettext_noop("Date out of range")
ngettext_lazy("%(num)d year", "%(num)d years")
ngettext_lazy("%(num)d month", "%(num)d months")
ngettext_lazy("%(num)d week", "%(num)d weeks")
ngettext_lazy("%(num)d day", "%(num)d days")
ngettext_lazy("%(num)d hour", "%(num)d hours")
ngettext_lazy("%(num)d minute", "%(num)d minutes")
ngettext_lazy("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.")
ngettext_lazy("Please submit at least %(num)d form.", "Please submit at least %(num)d forms.")

# The month of July in every form Django's date formats use (the Welsh file spells it "Gorffenaf").
gettext_noop("July")
pgettext_lazy("alt. month", "July")
pgettext_lazy("abbrev. month", "July")
gettext_noop("jul")
