"""Contains all the data models used in inputs/outputs"""

from .acknowledgement_html_lang import AcknowledgementHtmlLang
from .acknowledgement_pdf_lang import AcknowledgementPdfLang
from .amendment import Amendment
from .amendment_create import AmendmentCreate
from .amendment_create_kind import AmendmentCreateKind
from .amendment_decision import AmendmentDecision
from .amendment_decision_decision import AmendmentDecisionDecision
from .amendment_kind import AmendmentKind
from .amendment_page import AmendmentPage
from .amendment_status import AmendmentStatus
from .approval import Approval
from .approval_create import ApprovalCreate
from .approval_create_decision import ApprovalCreateDecision
from .approval_decision import ApprovalDecision
from .attach_grant_file_body import AttachGrantFileBody
from .attach_grant_file_body_category import AttachGrantFileBodyCategory
from .attach_grant_report_file_body import AttachGrantReportFileBody
from .attach_grant_report_file_body_category import AttachGrantReportFileBodyCategory
from .attach_proposal_file_body import AttachProposalFileBody
from .attach_proposal_file_body_category import AttachProposalFileBodyCategory
from .attachment import Attachment
from .attachment_category import AttachmentCategory
from .attachment_page import AttachmentPage
from .attempt import Attempt
from .attempt_outcome import AttemptOutcome
from .audit_event import AuditEvent
from .audit_event_after_type_0 import AuditEventAfterType0
from .audit_event_before_type_0 import AuditEventBeforeType0
from .audit_event_page import AuditEventPage
from .awarded_grant import AwardedGrant
from .balance import Balance
from .board_pack_html_lang import BoardPackHtmlLang
from .board_pack_pdf_lang import BoardPackPdfLang
from .budget_category import BudgetCategory
from .budget_category_create import BudgetCategoryCreate
from .budget_category_page import BudgetCategoryPage
from .budget_category_update import BudgetCategoryUpdate
from .budget_line import BudgetLine
from .budget_line_in import BudgetLineIn
from .budget_rules import BudgetRules
from .budget_rules_out import BudgetRulesOut
from .call import Call
from .call_brief import CallBrief
from .call_brief_status import CallBriefStatus
from .call_create import CallCreate
from .call_page import CallPage
from .call_ref import CallRef
from .call_status import CallStatus
from .call_update import CallUpdate
from .campaign import Campaign
from .campaign_create import CampaignCreate
from .campaign_create_currency import CampaignCreateCurrency
from .campaign_page import CampaignPage
from .campaign_ref import CampaignRef
from .check_in import CheckIn
from .condition import Condition
from .condition_create import ConditionCreate
from .condition_met import ConditionMet
from .contact import Contact
from .contact_create import ContactCreate
from .contact_create_language import ContactCreateLanguage
from .contact_page import ContactPage
from .contact_update import ContactUpdate
from .contact_update_language import ContactUpdateLanguage
from .contribution_create import ContributionCreate
from .contribution_create_currency import ContributionCreateCurrency
from .contribution_update import ContributionUpdate
from .country_code import CountryCode
from .criterion_failures import CriterionFailures
from .currency_balance import CurrencyBalance
from .cycle_summary_html_lang import CycleSummaryHtmlLang
from .cycle_summary_pdf_lang import CycleSummaryPdfLang
from .decision_letter_html_lang import DecisionLetterHtmlLang
from .decision_letter_pdf_lang import DecisionLetterPdfLang
from .decision_outcome import DecisionOutcome
from .disbursement import Disbursement
from .disbursement_create import DisbursementCreate
from .disbursement_page import DisbursementPage
from .disbursement_status import DisbursementStatus
from .donor_create import DonorCreate
from .donor_create_kind import DonorCreateKind
from .donor_ref import DonorRef
from .donor_statement_html_lang import DonorStatementHtmlLang
from .donor_statement_pdf_lang import DonorStatementPdfLang
from .donor_update import DonorUpdate
from .donor_update_kind import DonorUpdateKind
from .eligibility_check import EligibilityCheck
from .eligibility_summary import EligibilitySummary
from .exchange_rate import ExchangeRate
from .exchange_rate_create import ExchangeRateCreate
from .exchange_rate_create_currency import ExchangeRateCreateCurrency
from .exchange_rate_page import ExchangeRatePage
from .expenditure import Expenditure
from .expenditure_in import ExpenditureIn
from .export_360_giving_response_200 import Export360GivingResponse200
from .export_360_giving_response_200_grants_item import Export360GivingResponse200GrantsItem
from .export_contributions_csv_currency import ExportContributionsCsvCurrency
from .export_contributions_csv_donor_kind import ExportContributionsCsvDonorKind
from .export_contributions_csv_status import ExportContributionsCsvStatus
from .export_disbursements_csv_status import ExportDisbursementsCsvStatus
from .export_grants_csv_status import ExportGrantsCsvStatus
from .export_proposals_csv_status import ExportProposalsCsvStatus
from .export_totals_csv_group_by_item import ExportTotalsCsvGroupByItem
from .fund import Fund
from .fund_activity import FundActivity
from .fund_chapter_html_lang import FundChapterHtmlLang
from .fund_chapter_pdf_lang import FundChapterPdfLang
from .fund_create import FundCreate
from .fund_create_languages_item import FundCreateLanguagesItem
from .fund_mandate_type_0 import FundMandateType0
from .fund_page import FundPage
from .fund_status_html_lang import FundStatusHtmlLang
from .fund_status_pdf_lang import FundStatusPdfLang
from .fund_update import FundUpdate
from .fund_update_languages_item import FundUpdateLanguagesItem
from .grant import Grant
from .grant_budget import GrantBudget
from .grant_budget_line import GrantBudgetLine
from .grant_budget_view import GrantBudgetView
from .grant_detail import GrantDetail
from .grant_detail_status import GrantDetailStatus
from .grant_history_event import GrantHistoryEvent
from .grant_history_event_after_type_0 import GrantHistoryEventAfterType0
from .grant_history_event_before_type_0 import GrantHistoryEventBeforeType0
from .grant_history_event_page import GrantHistoryEventPage
from .grant_page import GrantPage
from .grant_report import GrantReport
from .grant_report_kind import GrantReportKind
from .grant_report_nature import GrantReportNature
from .grant_report_page import GrantReportPage
from .grant_report_status import GrantReportStatus
from .grant_status import GrantStatus
from .health import Health
from .health_counts import HealthCounts
from .health_database_status import HealthDatabaseStatus
from .import_contributions_files_body import ImportContributionsFilesBody
from .import_problem import ImportProblem
from .import_result import ImportResult
from .import_result_format import ImportResultFormat
from .import_row_error import ImportRowError
from .issued_token import IssuedToken
from .issued_token_status import IssuedTokenStatus
from .job import Job
from .job_problem_type_0 import JobProblemType0
from .job_progress import JobProgress
from .job_result_type_0 import JobResultType0
from .job_state import JobState
from .list_audit_events_sort import ListAuditEventsSort
from .list_board_sessions_sort import ListBoardSessionsSort
from .list_board_sessions_status import ListBoardSessionsStatus
from .list_board_terms_sort import ListBoardTermsSort
from .list_budget_categories_sort import ListBudgetCategoriesSort
from .list_calls_sort import ListCallsSort
from .list_calls_status import ListCallsStatus
from .list_campaigns_sort import ListCampaignsSort
from .list_contributions_currency import ListContributionsCurrency
from .list_contributions_donor_kind import ListContributionsDonorKind
from .list_contributions_sort import ListContributionsSort
from .list_contributions_status import ListContributionsStatus
from .list_disbursements_sort import ListDisbursementsSort
from .list_disbursements_status import ListDisbursementsStatus
from .list_donor_contacts_sort import ListDonorContactsSort
from .list_donors_kind import ListDonorsKind
from .list_donors_sort import ListDonorsSort
from .list_exchange_rates_currency import ListExchangeRatesCurrency
from .list_exchange_rates_sort import ListExchangeRatesSort
from .list_funds_sort import ListFundsSort
from .list_grant_amendments_kind import ListGrantAmendmentsKind
from .list_grant_amendments_sort import ListGrantAmendmentsSort
from .list_grant_amendments_status import ListGrantAmendmentsStatus
from .list_grant_files_category import ListGrantFilesCategory
from .list_grant_files_sort import ListGrantFilesSort
from .list_grant_report_files_category import ListGrantReportFilesCategory
from .list_grant_report_files_sort import ListGrantReportFilesSort
from .list_grant_reports_kind import ListGrantReportsKind
from .list_grant_reports_sort import ListGrantReportsSort
from .list_grant_reports_status import ListGrantReportsStatus
from .list_grants_sort import ListGrantsSort
from .list_grants_status import ListGrantsStatus
from .list_notifications_kind import ListNotificationsKind
from .list_notifications_sort import ListNotificationsSort
from .list_notifications_status import ListNotificationsStatus
from .list_organisation_contacts_sort import ListOrganisationContactsSort
from .list_organisations_sort import ListOrganisationsSort
from .list_proposal_files_category import ListProposalFilesCategory
from .list_proposal_files_sort import ListProposalFilesSort
from .list_proposals_assistance import ListProposalsAssistance
from .list_proposals_sort import ListProposalsSort
from .list_proposals_status import ListProposalsStatus
from .list_proposals_target_group import ListProposalsTargetGroup
from .list_receipt_files_category import ListReceiptFilesCategory
from .list_receipt_files_sort import ListReceiptFilesSort
from .list_recommendations_decision import ListRecommendationsDecision
from .list_recommendations_sort import ListRecommendationsSort
from .list_recommendations_status import ListRecommendationsStatus
from .list_review_criteria_sort import ListReviewCriteriaSort
from .list_reviews_sort import ListReviewsSort
from .list_tokens_sort import ListTokensSort
from .list_users_role import ListUsersRole
from .list_users_sort import ListUsersSort
from .liveness import Liveness
from .login import Login
from .login_token import LoginToken
from .mandate import Mandate
from .mandate_assistance_item import MandateAssistanceItem
from .mandate_groups_item import MandateGroupsItem
from .mandate_sdg_targets_item import MandateSdgTargetsItem
from .me import Me
from .me_role import MeRole
from .member import Member
from .member_create import MemberCreate
from .member_create_gender import MemberCreateGender
from .member_detail import MemberDetail
from .member_update import MemberUpdate
from .message import Message
from .message_kind import MessageKind
from .message_page import MessagePage
from .message_status import MessageStatus
from .notification_settings import NotificationSettings
from .notification_settings_off_item import NotificationSettingsOffItem
from .notification_settings_update import NotificationSettingsUpdate
from .notification_settings_update_off_item import NotificationSettingsUpdateOffItem
from .organisation import Organisation
from .organisation_brief import OrganisationBrief
from .organisation_create import OrganisationCreate
from .organisation_page import OrganisationPage
from .organisation_ref import OrganisationRef
from .organisation_update import OrganisationUpdate
from .pack_notice import PackNotice
from .payment import Payment
from .payment_cancellation import PaymentCancellation
from .people_by_assistance import PeopleByAssistance
from .people_by_assistance_assistance import PeopleByAssistanceAssistance
from .people_by_assistance_out import PeopleByAssistanceOut
from .people_by_nationality import PeopleByNationality
from .people_by_nationality_out import PeopleByNationalityOut
from .people_by_sex_and_age import PeopleBySexAndAge
from .people_by_sex_and_age_age_group import PeopleBySexAndAgeAgeGroup
from .people_by_sex_and_age_out import PeopleBySexAndAgeOut
from .people_by_sex_and_age_out_age_group import PeopleBySexAndAgeOutAgeGroup
from .people_by_sex_and_age_out_sex import PeopleBySexAndAgeOutSex
from .people_by_sex_and_age_sex import PeopleBySexAndAgeSex
from .pledge_currency import PledgeCurrency
from .position import Position
from .problem import Problem
from .problem_blocking_item import ProblemBlockingItem
from .problem_field import ProblemField
from .problem_unmet_conditions_item import ProblemUnmetConditionsItem
from .promotion_create import PromotionCreate
from .proposal import Proposal
from .proposal_brief import ProposalBrief
from .proposal_create import ProposalCreate
from .proposal_create_assistance_item import ProposalCreateAssistanceItem
from .proposal_create_language import ProposalCreateLanguage
from .proposal_create_target_groups_item import ProposalCreateTargetGroupsItem
from .proposal_detail import ProposalDetail
from .proposal_detail_status import ProposalDetailStatus
from .proposal_page import ProposalPage
from .proposal_status import ProposalStatus
from .proposal_update import ProposalUpdate
from .proposal_update_assistance_item import ProposalUpdateAssistanceItem
from .proposal_update_language import ProposalUpdateLanguage
from .proposal_update_target_groups_item import ProposalUpdateTargetGroupsItem
from .public_kind import PublicKind
from .public_kind_donor_kind import PublicKindDonorKind
from .public_totals import PublicTotals
from .public_year import PublicYear
from .read_grant_history_sort import ReadGrantHistorySort
from .read_totals_group_by_item import ReadTotalsGroupByItem
from .reason import Reason
from .receipt import Receipt
from .receipt_create import ReceiptCreate
from .receipt_status import ReceiptStatus
from .recommendation import Recommendation
from .recommendation_brief import RecommendationBrief
from .recommendation_brief_decision import RecommendationBriefDecision
from .recommendation_brief_status import RecommendationBriefStatus
from .recommendation_decision import RecommendationDecision
from .recommendation_page import RecommendationPage
from .recommendation_status import RecommendationStatus
from .recorded_receipt import RecordedReceipt
from .recorded_receipt_contribution_status import RecordedReceiptContributionStatus
from .recorded_receipt_status import RecordedReceiptStatus
from .recusal import Recusal
from .refund import Refund
from .refund_create import RefundCreate
from .report_create import ReportCreate
from .report_create_kind import ReportCreateKind
from .report_create_nature import ReportCreateNature
from .report_receipt import ReportReceipt
from .reporting_rules import ReportingRules
from .reporting_rules_final_natures_item import ReportingRulesFinalNaturesItem
from .reporting_rules_interim_natures_item import ReportingRulesInterimNaturesItem
from .reporting_rules_out import ReportingRulesOut
from .return_ import Return
from .review import Review
from .review_content import ReviewContent
from .review_content_recommendation import ReviewContentRecommendation
from .review_create import ReviewCreate
from .review_create_recommendation import ReviewCreateRecommendation
from .review_criterion import ReviewCriterion
from .review_criterion_create import ReviewCriterionCreate
from .review_criterion_page import ReviewCriterionPage
from .review_criterion_update import ReviewCriterionUpdate
from .review_page import ReviewPage
from .review_score import ReviewScore
from .review_score_out import ReviewScoreOut
from .running import Running
from .screening import Screening
from .session import Session
from .session_create import SessionCreate
from .session_page import SessionPage
from .session_status import SessionStatus
from .slate import Slate
from .slate_entry import SlateEntry
from .slate_entry_decision import SlateEntryDecision
from .staff_contribution import StaffContribution
from .staff_contribution_detail import StaffContributionDetail
from .staff_contribution_detail_status import StaffContributionDetailStatus
from .staff_contribution_page import StaffContributionPage
from .staff_contribution_status import StaffContributionStatus
from .staff_donor import StaffDonor
from .staff_donor_kind import StaffDonorKind
from .staff_donor_page import StaffDonorPage
from .statement import Statement
from .statement_donor import StatementDonor
from .statement_donor_kind import StatementDonorKind
from .statement_entry import StatementEntry
from .statement_entry_type import StatementEntryType
from .term import Term
from .term_appointment_notes_item import TermAppointmentNotesItem
from .term_create import TermCreate
from .term_create_appointment_notes_item import TermCreateAppointmentNotesItem
from .term_page import TermPage
from .token import Token
from .token_create import TokenCreate
from .token_page import TokenPage
from .token_status import TokenStatus
from .totals import Totals
from .totals_line import TotalsLine
from .totals_line_donor_kind import TotalsLineDonorKind
from .totals_scope import TotalsScope
from .totals_sum import TotalsSum
from .user import User
from .user_create import UserCreate
from .user_create_role import UserCreateRole
from .user_funds import UserFunds
from .user_page import UserPage
from .user_role import UserRole
from .withdrawal import Withdrawal

__all__ = (
    "AcknowledgementHtmlLang",
    "AcknowledgementPdfLang",
    "Amendment",
    "AmendmentCreate",
    "AmendmentCreateKind",
    "AmendmentDecision",
    "AmendmentDecisionDecision",
    "AmendmentKind",
    "AmendmentPage",
    "AmendmentStatus",
    "Approval",
    "ApprovalCreate",
    "ApprovalCreateDecision",
    "ApprovalDecision",
    "AttachGrantFileBody",
    "AttachGrantFileBodyCategory",
    "AttachGrantReportFileBody",
    "AttachGrantReportFileBodyCategory",
    "Attachment",
    "AttachmentCategory",
    "AttachmentPage",
    "AttachProposalFileBody",
    "AttachProposalFileBodyCategory",
    "Attempt",
    "AttemptOutcome",
    "AuditEvent",
    "AuditEventAfterType0",
    "AuditEventBeforeType0",
    "AuditEventPage",
    "AwardedGrant",
    "Balance",
    "BoardPackHtmlLang",
    "BoardPackPdfLang",
    "BudgetCategory",
    "BudgetCategoryCreate",
    "BudgetCategoryPage",
    "BudgetCategoryUpdate",
    "BudgetLine",
    "BudgetLineIn",
    "BudgetRules",
    "BudgetRulesOut",
    "Call",
    "CallBrief",
    "CallBriefStatus",
    "CallCreate",
    "CallPage",
    "CallRef",
    "CallStatus",
    "CallUpdate",
    "Campaign",
    "CampaignCreate",
    "CampaignCreateCurrency",
    "CampaignPage",
    "CampaignRef",
    "CheckIn",
    "Condition",
    "ConditionCreate",
    "ConditionMet",
    "Contact",
    "ContactCreate",
    "ContactCreateLanguage",
    "ContactPage",
    "ContactUpdate",
    "ContactUpdateLanguage",
    "ContributionCreate",
    "ContributionCreateCurrency",
    "ContributionUpdate",
    "CountryCode",
    "CriterionFailures",
    "CurrencyBalance",
    "CycleSummaryHtmlLang",
    "CycleSummaryPdfLang",
    "DecisionLetterHtmlLang",
    "DecisionLetterPdfLang",
    "DecisionOutcome",
    "Disbursement",
    "DisbursementCreate",
    "DisbursementPage",
    "DisbursementStatus",
    "DonorCreate",
    "DonorCreateKind",
    "DonorRef",
    "DonorStatementHtmlLang",
    "DonorStatementPdfLang",
    "DonorUpdate",
    "DonorUpdateKind",
    "EligibilityCheck",
    "EligibilitySummary",
    "ExchangeRate",
    "ExchangeRateCreate",
    "ExchangeRateCreateCurrency",
    "ExchangeRatePage",
    "Expenditure",
    "ExpenditureIn",
    "Export360GivingResponse200",
    "Export360GivingResponse200GrantsItem",
    "ExportContributionsCsvCurrency",
    "ExportContributionsCsvDonorKind",
    "ExportContributionsCsvStatus",
    "ExportDisbursementsCsvStatus",
    "ExportGrantsCsvStatus",
    "ExportProposalsCsvStatus",
    "ExportTotalsCsvGroupByItem",
    "Fund",
    "FundActivity",
    "FundChapterHtmlLang",
    "FundChapterPdfLang",
    "FundCreate",
    "FundCreateLanguagesItem",
    "FundMandateType0",
    "FundPage",
    "FundStatusHtmlLang",
    "FundStatusPdfLang",
    "FundUpdate",
    "FundUpdateLanguagesItem",
    "Grant",
    "GrantBudget",
    "GrantBudgetLine",
    "GrantBudgetView",
    "GrantDetail",
    "GrantDetailStatus",
    "GrantHistoryEvent",
    "GrantHistoryEventAfterType0",
    "GrantHistoryEventBeforeType0",
    "GrantHistoryEventPage",
    "GrantPage",
    "GrantReport",
    "GrantReportKind",
    "GrantReportNature",
    "GrantReportPage",
    "GrantReportStatus",
    "GrantStatus",
    "Health",
    "HealthCounts",
    "HealthDatabaseStatus",
    "ImportContributionsFilesBody",
    "ImportProblem",
    "ImportResult",
    "ImportResultFormat",
    "ImportRowError",
    "IssuedToken",
    "IssuedTokenStatus",
    "Job",
    "JobProblemType0",
    "JobProgress",
    "JobResultType0",
    "JobState",
    "ListAuditEventsSort",
    "ListBoardSessionsSort",
    "ListBoardSessionsStatus",
    "ListBoardTermsSort",
    "ListBudgetCategoriesSort",
    "ListCallsSort",
    "ListCallsStatus",
    "ListCampaignsSort",
    "ListContributionsCurrency",
    "ListContributionsDonorKind",
    "ListContributionsSort",
    "ListContributionsStatus",
    "ListDisbursementsSort",
    "ListDisbursementsStatus",
    "ListDonorContactsSort",
    "ListDonorsKind",
    "ListDonorsSort",
    "ListExchangeRatesCurrency",
    "ListExchangeRatesSort",
    "ListFundsSort",
    "ListGrantAmendmentsKind",
    "ListGrantAmendmentsSort",
    "ListGrantAmendmentsStatus",
    "ListGrantFilesCategory",
    "ListGrantFilesSort",
    "ListGrantReportFilesCategory",
    "ListGrantReportFilesSort",
    "ListGrantReportsKind",
    "ListGrantReportsSort",
    "ListGrantReportsStatus",
    "ListGrantsSort",
    "ListGrantsStatus",
    "ListNotificationsKind",
    "ListNotificationsSort",
    "ListNotificationsStatus",
    "ListOrganisationContactsSort",
    "ListOrganisationsSort",
    "ListProposalFilesCategory",
    "ListProposalFilesSort",
    "ListProposalsAssistance",
    "ListProposalsSort",
    "ListProposalsStatus",
    "ListProposalsTargetGroup",
    "ListReceiptFilesCategory",
    "ListReceiptFilesSort",
    "ListRecommendationsDecision",
    "ListRecommendationsSort",
    "ListRecommendationsStatus",
    "ListReviewCriteriaSort",
    "ListReviewsSort",
    "ListTokensSort",
    "ListUsersRole",
    "ListUsersSort",
    "Liveness",
    "Login",
    "LoginToken",
    "Mandate",
    "MandateAssistanceItem",
    "MandateGroupsItem",
    "MandateSdgTargetsItem",
    "Me",
    "Member",
    "MemberCreate",
    "MemberCreateGender",
    "MemberDetail",
    "MemberUpdate",
    "MeRole",
    "Message",
    "MessageKind",
    "MessagePage",
    "MessageStatus",
    "NotificationSettings",
    "NotificationSettingsOffItem",
    "NotificationSettingsUpdate",
    "NotificationSettingsUpdateOffItem",
    "Organisation",
    "OrganisationBrief",
    "OrganisationCreate",
    "OrganisationPage",
    "OrganisationRef",
    "OrganisationUpdate",
    "PackNotice",
    "Payment",
    "PaymentCancellation",
    "PeopleByAssistance",
    "PeopleByAssistanceAssistance",
    "PeopleByAssistanceOut",
    "PeopleByNationality",
    "PeopleByNationalityOut",
    "PeopleBySexAndAge",
    "PeopleBySexAndAgeAgeGroup",
    "PeopleBySexAndAgeOut",
    "PeopleBySexAndAgeOutAgeGroup",
    "PeopleBySexAndAgeOutSex",
    "PeopleBySexAndAgeSex",
    "PledgeCurrency",
    "Position",
    "Problem",
    "ProblemBlockingItem",
    "ProblemField",
    "ProblemUnmetConditionsItem",
    "PromotionCreate",
    "Proposal",
    "ProposalBrief",
    "ProposalCreate",
    "ProposalCreateAssistanceItem",
    "ProposalCreateLanguage",
    "ProposalCreateTargetGroupsItem",
    "ProposalDetail",
    "ProposalDetailStatus",
    "ProposalPage",
    "ProposalStatus",
    "ProposalUpdate",
    "ProposalUpdateAssistanceItem",
    "ProposalUpdateLanguage",
    "ProposalUpdateTargetGroupsItem",
    "PublicKind",
    "PublicKindDonorKind",
    "PublicTotals",
    "PublicYear",
    "ReadGrantHistorySort",
    "ReadTotalsGroupByItem",
    "Reason",
    "Receipt",
    "ReceiptCreate",
    "ReceiptStatus",
    "Recommendation",
    "RecommendationBrief",
    "RecommendationBriefDecision",
    "RecommendationBriefStatus",
    "RecommendationDecision",
    "RecommendationPage",
    "RecommendationStatus",
    "RecordedReceipt",
    "RecordedReceiptContributionStatus",
    "RecordedReceiptStatus",
    "Recusal",
    "Refund",
    "RefundCreate",
    "ReportCreate",
    "ReportCreateKind",
    "ReportCreateNature",
    "ReportingRules",
    "ReportingRulesFinalNaturesItem",
    "ReportingRulesInterimNaturesItem",
    "ReportingRulesOut",
    "ReportReceipt",
    "Return",
    "Review",
    "ReviewContent",
    "ReviewContentRecommendation",
    "ReviewCreate",
    "ReviewCreateRecommendation",
    "ReviewCriterion",
    "ReviewCriterionCreate",
    "ReviewCriterionPage",
    "ReviewCriterionUpdate",
    "ReviewPage",
    "ReviewScore",
    "ReviewScoreOut",
    "Running",
    "Screening",
    "Session",
    "SessionCreate",
    "SessionPage",
    "SessionStatus",
    "Slate",
    "SlateEntry",
    "SlateEntryDecision",
    "StaffContribution",
    "StaffContributionDetail",
    "StaffContributionDetailStatus",
    "StaffContributionPage",
    "StaffContributionStatus",
    "StaffDonor",
    "StaffDonorKind",
    "StaffDonorPage",
    "Statement",
    "StatementDonor",
    "StatementDonorKind",
    "StatementEntry",
    "StatementEntryType",
    "Term",
    "TermAppointmentNotesItem",
    "TermCreate",
    "TermCreateAppointmentNotesItem",
    "TermPage",
    "Token",
    "TokenCreate",
    "TokenPage",
    "TokenStatus",
    "Totals",
    "TotalsLine",
    "TotalsLineDonorKind",
    "TotalsScope",
    "TotalsSum",
    "User",
    "UserCreate",
    "UserCreateRole",
    "UserFunds",
    "UserPage",
    "UserRole",
    "Withdrawal",
)
