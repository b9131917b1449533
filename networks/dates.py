"""Dates as precise as the source: a day, a month, a season or only a year."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models.choices import DatePrecision, Season

SEASON_START_MONTH = {Season.SPRING: 3, Season.SUMMER: 6, Season.AUTUMN: 9, Season.WINTER: 12}


def add_months(date, months):
    """The first day of the month `months` months after `date`'s month."""
    month = date.month - 1 + months
    return datetime.date(date.year + month // 12, month % 12 + 1, 1)


def season_of(date):
    for season, month in sorted(SEASON_START_MONTH.items(), key=lambda kv: -kv[1]):
        if date.month >= month:
            return season
    return Season.WINTER


def representative_date(year, precision, month=1, day=1, season=None):
    """The date a partial date sorts by: the first day of its month, season or year."""
    if precision == DatePrecision.SEASON:
        return datetime.date(year, SEASON_START_MONTH[season], 1)
    if precision == DatePrecision.YEAR:
        return datetime.date(year, 1, 1)
    if precision == DatePrecision.MONTH:
        return datetime.date(year, month, 1)
    return datetime.date(year, month, day)


def format_partial_date(date, precision, season=""):
    """'12. maaliskuuta 2020', 'helmikuu 2020', 'syksy 2020', '2020' in the active language."""
    if date is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.SEASON:
        labels = {
            Season.SPRING: _("spring %(year)s"),
            Season.SUMMER: _("summer %(year)s"),
            Season.AUTUMN: _("autumn %(year)s"),
            Season.WINTER: _("winter %(year)s"),
        }
        return labels[season or season_of(date)] % {"year": date.year}
    if precision == DatePrecision.MONTH:
        return date_format(date, "YEAR_MONTH_FORMAT")
    return date_format(date, "DATE_FORMAT")
