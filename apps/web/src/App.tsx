import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Route, RouterProvider, Routes } from 'react-router';
import { CallbackPage, SignInPage } from './auth/SignInPage';
import { SessionProvider, useSession } from './auth/session';
import { Layout } from './components/Layout';
import { AdmitPage } from './pages/AdmitPage';
import { DashboardPage } from './pages/DashboardPage';
import { DeviationsPage } from './pages/DeviationsPage';
import { ProcessPage } from './pages/ProcessPage';
import { StayPage } from './pages/StayPage';
import { StaysPage } from './pages/StaysPage';
import { TasksPage } from './pages/TasksPage';

function Routed() {
  const { t } = useTranslation();
  const { me, config } = useSession();
  if (me === undefined || !config) return <p className="loading">{t('app.loading')}</p>;
  if (!me)
    return (
      <Routes>
        <Route path="/auth/callback" element={<CallbackPage />} />
        <Route path="*" element={<SignInPage />} />
      </Routes>
    );
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={me.role === 'processagare' ? <DashboardPage /> : <TasksPage />} />
        <Route path="stays" element={<StaysPage />} />
        <Route path="stays/new" element={<AdmitPage />} />
        <Route path="stays/:id" element={<StayPage />} />
        <Route path="deviations" element={<DeviationsPage />} />
        <Route path="process" element={<ProcessPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

/** A data router (so a half-filled form can ask before it is left), with the routes above. */
const router = createBrowserRouter([{ path: '*', element: <Routed /> }]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
