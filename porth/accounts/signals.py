"""A person's API tokens end when they leave an organisation or a team, however that happens (the people
page, the admin, or the organisation being removed): a token made for work there must not outlive it."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import ApiToken, OrganisationMembership, TeamMembership


@receiver(post_delete, sender=OrganisationMembership, dispatch_uid="porth-tokens-end-with-organisation")
@receiver(post_delete, sender=TeamMembership, dispatch_uid="porth-tokens-end-with-team")
def tokens_end_with_membership(sender, instance, **kwargs):
    ApiToken.objects.filter(user_id=instance.user_id).delete()
