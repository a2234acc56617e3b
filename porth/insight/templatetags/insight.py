from django import template

register = template.Library()


@register.filter
def dataset_url(dataset, fmt: str) -> str:
    return dataset.url(fmt)
