import { lazy, type ReactNode, Suspense } from 'react'
import { Route, Routes, useLocation } from 'react-router-dom'
import { PageErrorBoundary } from './components/page-error-boundary.tsx'
import { PageLoading } from './components/page-loading.tsx'
import { AppLayout } from './layout/app-layout.tsx'
import { LoginPage } from './pages/login-page.tsx'
import { NotFoundPage } from './pages/not-found-page.tsx'
import { RequireSession } from './session/require-session.tsx'

const WorkbenchPage = lazy(() =>
  import('./pages/workbench-page.tsx').then((m) => ({ default: m.WorkbenchPage })),
)
const OrganisationPage = lazy(() =>
  import('./pages/organisation-page.tsx').then((m) => ({ default: m.OrganisationPage })),
)
const RulebooksPage = lazy(() =>
  import('./pages/rulebooks-page.tsx').then((m) => ({ default: m.RulebooksPage })),
)
const RulebookPage = lazy(() =>
  import('./pages/rulebook-page.tsx').then((m) => ({ default: m.RulebookPage })),
)
const AuditPage = lazy(() =>
  import('./pages/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
)
const InboxPage = lazy(() =>
  import('./pages/inbox-page.tsx').then((m) => ({ default: m.InboxPage })),
)
const NewDocumentPage = lazy(() =>
  import('./pages/new-document-page.tsx').then((m) => ({ default: m.NewDocumentPage })),
)
const DraftDocumentPage = lazy(() =>
  import('./pages/draft-document-page.tsx').then((m) => ({ default: m.DraftDocumentPage })),
)
const DocumentPage = lazy(() =>
  import('./pages/document-page.tsx').then((m) => ({ default: m.DocumentPage })),
)
const HandlingSheetPage = lazy(() =>
  import('./pages/handling-sheet-page.tsx').then((m) => ({ default: m.HandlingSheetPage })),
)
const ReceiveDocumentPage = lazy(() =>
  import('./pages/receive-document-page.tsx').then((m) => ({ default: m.ReceiveDocumentPage })),
)
const RegisterPage = lazy(() =>
  import('./pages/register-page.tsx').then((m) => ({ default: m.RegisterPage })),
)
const AccountsPage = lazy(() =>
  import('./pages/accounts-page.tsx').then((m) => ({ default: m.AccountsPage })),
)
const CalendarPage = lazy(() =>
  import('./pages/calendar-page.tsx').then((m) => ({ default: m.CalendarPage })),
)
const MeetingsPage = lazy(() =>
  import('./pages/meetings-page.tsx').then((m) => ({ default: m.MeetingsPage })),
)
const MeetingPage = lazy(() =>
  import('./pages/meeting-page.tsx').then((m) => ({ default: m.MeetingPage })),
)
const SupervisionPage = lazy(() =>
  import('./pages/supervision/supervision-page.tsx').then((m) => ({ default: m.SupervisionPage })),
)
const NewSupervisionItemPage = lazy(() =>
  import('./pages/supervision-new/new-item-page.tsx').then((m) => ({
    default: m.NewSupervisionItemPage,
  })),
)
const SupervisionItemPage = lazy(() =>
  import('./pages/supervision-item/item-page.tsx').then((m) => ({
    default: m.SupervisionItemPage,
  })),
)
// The only page with charts: lazy, so echarts loads with it and not with the main bundle.
const SupervisionDashboardPage = lazy(() =>
  import('./pages/supervision-dashboard/dashboard-page.tsx').then((m) => ({
    default: m.SupervisionDashboardPage,
  })),
)
const SupervisionCircularsPage = lazy(() =>
  import('./pages/supervision-circulars/circulars-page.tsx').then((m) => ({
    default: m.SupervisionCircularsPage,
  })),
)

const AbsencesPage = lazy(() =>
  import('./pages/absences-page.tsx').then((m) => ({ default: m.AbsencesPage })),
)
const NewAbsencePage = lazy(() =>
  import('./pages/absences/new-absence-page.tsx').then((m) => ({ default: m.NewAbsencePage })),
)
const AbsencePage = lazy(() =>
  import('./pages/absences/absence-page.tsx').then((m) => ({ default: m.AbsencePage })),
)
const ActingDutyPage = lazy(() =>
  import('./pages/acting-duty-page.tsx').then((m) => ({ default: m.ActingDutyPage })),
)
const AbroadFollowUpsPage = lazy(() =>
  import('./pages/abroad-follow-ups-page.tsx').then((m) => ({ default: m.AbroadFollowUpsPage })),
)
const EventRequestsPage = lazy(() =>
  import('./pages/event-requests-page.tsx').then((m) => ({ default: m.EventRequestsPage })),
)
const NewEventRequestPage = lazy(() =>
  import('./pages/event-requests/new-event-request-page.tsx').then((m) => ({
    default: m.NewEventRequestPage,
  })),
)
const EventRequestPage = lazy(() =>
  import('./pages/event-requests/event-request-page.tsx').then((m) => ({
    default: m.EventRequestPage,
  })),
)
const LeaderCalendarPage = lazy(() =>
  import('./pages/leader-calendar-page.tsx').then((m) => ({ default: m.LeaderCalendarPage })),
)
const DutyBoardPage = lazy(() =>
  import('./pages/duty/duty-board-page.tsx').then((m) => ({ default: m.DutyBoardPage })),
)
const DutyRostersPage = lazy(() =>
  import('./pages/duty-rosters-page.tsx').then((m) => ({ default: m.DutyRostersPage })),
)
const DutyLogPage = lazy(() =>
  import('./pages/duty/duty-log-page.tsx').then((m) => ({ default: m.DutyLogPage })),
)
const LateRegisterPage = lazy(() =>
  import('./pages/duty/late-register-page.tsx').then((m) => ({ default: m.LateRegisterPage })),
)
const DutyCircularPage = lazy(() =>
  import('./pages/duty/duty-circular-page.tsx').then((m) => ({ default: m.DutyCircularPage })),
)
const NewIncidentPage = lazy(() =>
  import('./pages/incidents/new-incident-page.tsx').then((m) => ({ default: m.NewIncidentPage })),
)
const IncidentPage = lazy(() =>
  import('./pages/incidents/incident-page.tsx').then((m) => ({ default: m.IncidentPage })),
)
const OpinionsPage = lazy(() =>
  import('./pages/opinions/opinions-page.tsx').then((m) => ({ default: m.OpinionsPage })),
)
const OpinionPage = lazy(() =>
  import('./pages/opinions/opinion-page.tsx').then((m) => ({ default: m.OpinionPage })),
)
const NotificationsPage = lazy(() =>
  import('./pages/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })),
)
const SecondFactorPage = lazy(() =>
  import('./pages/second-factor-page.tsx').then((m) => ({ default: m.SecondFactorPage })),
)
const ChangePasswordPage = lazy(() =>
  import('./pages/change-password-page.tsx').then((m) => ({ default: m.ChangePasswordPage })),
)

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* The 处理笺 prints alone on A4: its page has no menu or header. */}
      <Route
        path="/documents/:id/sheet"
        element={
          <RequireSession>
            <Lazy page={<HandlingSheetPage />} />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Lazy page={<WorkbenchPage />} />} />
        <Route path="inbox" element={<Lazy page={<InboxPage />} />} />
        <Route path="documents/new" element={<Lazy page={<NewDocumentPage />} />} />
        <Route path="documents/receive" element={<Lazy page={<ReceiveDocumentPage />} />} />
        <Route path="documents/draft" element={<Lazy page={<DraftDocumentPage />} />} />
        <Route path="documents/:id" element={<Lazy page={<DocumentPage />} />} />
        <Route path="register" element={<Lazy page={<RegisterPage />} />} />
        <Route path="organisation" element={<Lazy page={<OrganisationPage />} />} />
        <Route path="rulebooks" element={<Lazy page={<RulebooksPage />} />} />
        <Route path="rulebooks/:jurisdiction" element={<Lazy page={<RulebookPage />} />} />
        <Route path="audit" element={<Lazy page={<AuditPage />} />} />
        <Route path="accounts" element={<Lazy page={<AccountsPage />} />} />
        <Route path="calendar" element={<Lazy page={<CalendarPage />} />} />
        <Route path="meetings" element={<Lazy page={<MeetingsPage />} />} />
        <Route path="meetings/:id" element={<Lazy page={<MeetingPage />} />} />
        <Route path="leader-calendar" element={<Lazy page={<LeaderCalendarPage />} />} />
        <Route path="supervision" element={<Lazy page={<SupervisionPage />} />} />
        <Route path="supervision/new" element={<Lazy page={<NewSupervisionItemPage />} />} />
        <Route
          path="supervision/dashboard"
          element={<Lazy page={<SupervisionDashboardPage />} />}
        />
        <Route
          path="supervision/circulars"
          element={<Lazy page={<SupervisionCircularsPage />} />}
        />
        <Route path="supervision/:id" element={<Lazy page={<SupervisionItemPage />} />} />
        <Route path="absences" element={<Lazy page={<AbsencesPage />} />} />
        <Route path="absences/new" element={<Lazy page={<NewAbsencePage />} />} />
        <Route path="absences/:id" element={<Lazy page={<AbsencePage />} />} />
        <Route path="acting-duty" element={<Lazy page={<ActingDutyPage />} />} />
        <Route path="event-requests" element={<Lazy page={<EventRequestsPage />} />} />
        <Route path="abroad-follow-ups" element={<Lazy page={<AbroadFollowUpsPage />} />} />
        <Route
          path="abroad-follow-ups/:absenceId"
          element={<Lazy page={<AbroadFollowUpsPage />} />}
        />
        <Route path="event-requests/new" element={<Lazy page={<NewEventRequestPage />} />} />
        <Route path="event-requests/:id" element={<Lazy page={<EventRequestPage />} />} />
        <Route path="duty" element={<Lazy page={<DutyBoardPage />} />} />
        <Route path="duty/rosters" element={<Lazy page={<DutyRostersPage />} />} />
        <Route path="duty/log" element={<Lazy page={<DutyLogPage />} />} />
        <Route path="duty/late-register" element={<Lazy page={<LateRegisterPage />} />} />
        <Route path="duty/circulars/:id" element={<Lazy page={<DutyCircularPage />} />} />
        <Route path="incidents/new" element={<Lazy page={<NewIncidentPage />} />} />
        <Route path="incidents/:id" element={<Lazy page={<IncidentPage />} />} />
        <Route path="opinions" element={<Lazy page={<OpinionsPage />} />} />
        <Route path="opinions/:id" element={<Lazy page={<OpinionPage />} />} />
        <Route path="notifications" element={<Lazy page={<NotificationsPage />} />} />
        <Route path="account/second-factor" element={<Lazy page={<SecondFactorPage />} />} />
        <Route path="account/password" element={<Lazy page={<ChangePasswordPage />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}

function Lazy({ page }: { page: ReactNode }) {
  // Keyed by path so that leaving a failed page clears the error.
  const { pathname } = useLocation()
  return (
    <PageErrorBoundary key={pathname}>
      <Suspense fallback={<PageLoading />}>{page}</Suspense>
    </PageErrorBoundary>
  )
}
