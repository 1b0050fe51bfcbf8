"""The explicit rule registry: every rule module is listed here once."""

from __future__ import annotations

from awesome_lint.rules.al001_unused_suppression import UnusedSuppression
from awesome_lint.rules.al101_entry_shape import EntryShape
from awesome_lint.rules.al102_title_separator import TitleSeparator
from awesome_lint.rules.al103_venue_separator import VenueSeparator
from awesome_lint.rules.al104_trailing_whitespace import TrailingWhitespace
from awesome_lint.rules.al105_multiple_spaces import MultipleSpaces
from awesome_lint.rules.al106_subtitle_period import SubtitlePeriod
from awesome_lint.rules.al107_subtitle_case import SubtitleCase
from awesome_lint.rules.al108_split_entry import SplitEntry
from awesome_lint.rules.al109_glued_link import GluedLink
from awesome_lint.rules.al110_comma_spacing import CommaSpacing
from awesome_lint.rules.al111_year_separator import YearSeparator
from awesome_lint.rules.al112_copy_artefact import CopyArtefact
from awesome_lint.rules.al113_label_brackets import LabelBrackets
from awesome_lint.rules.al114_venue_ending import VenueEnding
from awesome_lint.rules.al115_label_typo import LabelTypo
from awesome_lint.rules.al116_dangling_hyphen import DanglingHyphen
from awesome_lint.rules.al117_link_text_spaces import LinkTextSpaces
from awesome_lint.rules.al118_title_typo import TitleTypo
from awesome_lint.rules.al119_colon_spacing import ColonSpacing
from awesome_lint.rules.al201_venue_format import VenueFormat
from awesome_lint.rules.al202_venue_alias import VenueAlias
from awesome_lint.rules.al203_unknown_venue import UnknownVenue
from awesome_lint.rules.al204_venue_in_subtitle import VenueInSubtitle
from awesome_lint.rules.al205_missing_venue import MissingVenue
from awesome_lint.rules.al206_venue_mismatch import VenueMismatch
from awesome_lint.rules.al207_venue_typo import VenueTypo
from awesome_lint.rules.al208_year_typo import YearTypo
from awesome_lint.rules.al209_missing_year import MissingYear
from awesome_lint.rules.al210_arxiv_citation import ArxivCitation
from awesome_lint.rules.al211_presentation_suffix import PresentationSuffix
from awesome_lint.rules.al212_venue_full_name import VenueFullName
from awesome_lint.rules.al213_arxiv_date import ArxivDate
from awesome_lint.rules.al301_unsorted_entries import UnsortedEntries
from awesome_lint.rules.al302_year_heading import YearHeading
from awesome_lint.rules.al303_kind_heading import KindHeading
from awesome_lint.rules.al401_duplicate_link import DuplicateLink
from awesome_lint.rules.al402_shared_link import SharedLink
from awesome_lint.rules.al403_duplicate_title import DuplicateTitle
from awesome_lint.rules.al404_conflicting_copies import ConflictingCopies
from awesome_lint.rules.al501_insecure_link import InsecureLink
from awesome_lint.rules.al502_tracking_parameters import TrackingParameters
from awesome_lint.rules.al503_arxiv_link_style import ArxivLinkStyle
from awesome_lint.rules.al504_broken_paper_link import BrokenPaperLink
from awesome_lint.rules.al601_blank_lines_around_headings import BlankLinesAroundHeadings
from awesome_lint.rules.al602_multiple_blank_lines import MultipleBlankLines
from awesome_lint.rules.al603_final_newline import FinalNewline
from awesome_lint.rules.al604_list_marker_style import ListMarkerStyle
from awesome_lint.rules.al605_heading_increment import HeadingIncrement
from awesome_lint.rules.al606_empty_section import EmptySection
from awesome_lint.rules.al607_stale_count import StaleCount
from awesome_lint.rules.al608_list_numbering import ListNumbering
from awesome_lint.rules.al701_toc_mismatch import TocMismatch
from awesome_lint.rules.al702_broken_anchor import BrokenAnchor
from awesome_lint.rules.al703_entry_separator import EntrySeparator
from awesome_lint.rules.al704_empty_link import EmptyLink
from awesome_lint.rules.al705_repeated_name import RepeatedName
from awesome_lint.rules.al706_marker_spacing import MarkerSpacing
from awesome_lint.rules.al707_term_casing import TermCasing
from awesome_lint.rules.al708_missing_scheme import MissingScheme
from awesome_lint.rules.al709_awesome_badge import AwesomeBadge
from awesome_lint.rules.al710_ci_badge import CiBadge
from awesome_lint.rules.al711_license_section import LicenseSection
from awesome_lint.rules.al712_contributing_file import ContributingFile
from awesome_lint.rules.al713_toc_required import TocRequired
from awesome_lint.rules.al714_split_link import SplitLink
from awesome_lint.rules.al801_dead_link import DeadLink
from awesome_lint.rules.al802_redirected_link import RedirectedLink
from awesome_lint.rules.al803_unreachable_link import UnreachableLink
from awesome_lint.rules.base import Rule

RULES: tuple[type[Rule], ...] = (
    UnusedSuppression,
    EntryShape,
    TitleSeparator,
    VenueSeparator,
    TrailingWhitespace,
    MultipleSpaces,
    SubtitlePeriod,
    SubtitleCase,
    SplitEntry,
    GluedLink,
    CommaSpacing,
    YearSeparator,
    CopyArtefact,
    LabelBrackets,
    VenueEnding,
    LabelTypo,
    DanglingHyphen,
    LinkTextSpaces,
    TitleTypo,
    ColonSpacing,
    VenueFormat,
    VenueAlias,
    UnknownVenue,
    VenueInSubtitle,
    MissingVenue,
    VenueMismatch,
    VenueTypo,
    YearTypo,
    MissingYear,
    ArxivCitation,
    PresentationSuffix,
    VenueFullName,
    ArxivDate,
    UnsortedEntries,
    YearHeading,
    KindHeading,
    DuplicateLink,
    SharedLink,
    DuplicateTitle,
    ConflictingCopies,
    InsecureLink,
    TrackingParameters,
    ArxivLinkStyle,
    BrokenPaperLink,
    BlankLinesAroundHeadings,
    MultipleBlankLines,
    FinalNewline,
    ListMarkerStyle,
    HeadingIncrement,
    EmptySection,
    StaleCount,
    ListNumbering,
    TocMismatch,
    BrokenAnchor,
    EntrySeparator,
    EmptyLink,
    RepeatedName,
    MarkerSpacing,
    TermCasing,
    MissingScheme,
    AwesomeBadge,
    CiBadge,
    LicenseSection,
    ContributingFile,
    TocRequired,
    SplitLink,
    DeadLink,
    RedirectedLink,
    UnreachableLink,
)

_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in RULES}
# Findings of these rules alone do not make the exit code 1.
WARNING_CODES = frozenset(rule.code for rule in RULES if rule.severity == "warning")
_BY_NAME: dict[str, type[Rule]] = {rule.name: rule for rule in RULES}


def get_rule(code_or_name: str) -> type[Rule] | None:
    """The rule with this code (case-insensitive) or kebab-case name, or None."""
    return _BY_CODE.get(code_or_name.upper()) or _BY_NAME.get(code_or_name.lower())
