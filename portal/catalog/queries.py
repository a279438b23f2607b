"""Read-side queries for the catalogue, shared by the pages and the API."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal.catalog.filters import CourseFilters
from portal.catalog.models import Course
from portal.extensions import db
from portal.regions.models import Region


@dataclass(frozen=True)
class CoursePage:
    total: int
    page: int
    per_page: int
    courses: list[Course]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def list_courses(filters: CourseFilters) -> CoursePage:
    query = select(Course).where(Course.withdrawn_at.is_(None))
    if filters.region:
        query = query.join(Region, Course.region_id == Region.id).where(
            Region.slug == filters.region
        )
    if filters.sector:
        query = query.where(Course.sector == filters.sector)
    if filters.level:
        query = query.where(Course.level == filters.level)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    courses = db.session.scalars(
        query.options(
            selectinload(Course.provider),
            selectinload(Course.region),
            selectinload(Course.starts),
            selectinload(Course.locations),
        )
        .order_by(Course.title, Course.id)
        .offset((filters.page - 1) * filters.per_page)
        .limit(filters.per_page)
    ).all()
    return CoursePage(total, filters.page, filters.per_page, list(courses))


def get_course(course_id: int) -> Course | None:
    course = db.session.get(Course, course_id)
    if course is None or course.withdrawn_at is not None:
        return None
    return course
