"""Background tasks of the similarity index. Thin: they take ids and call a service."""

from django_tasks import task

from .service import project_document_refresh


@task()
def similarity_document_refresh(project_id: int) -> None:
    project_document_refresh(project_id=project_id)
