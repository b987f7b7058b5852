import { createRouter, createWebHistory } from 'vue-router'
import Home from './pages/Home.vue'
import SignIn from './pages/SignIn.vue'
import MyTickets from './pages/MyTickets.vue'
import MyDevices from './pages/MyDevices.vue'
import ReportFault from './pages/ReportFault.vue'
import TicketDetail from './pages/TicketDetail.vue'
import EngineerJob from './pages/EngineerJob.vue'
import MyJobs from './pages/engineer/MyJobs.vue'
import { session } from './api/client'
import { adminRoutes } from './console/admin/routes'
import { opsRoutes } from './console/ops/routes'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: Home },
    { path: '/sign-in', component: SignIn },
    { path: '/my', component: MyTickets, meta: { signedIn: true } },
    { path: '/my/devices', component: MyDevices, meta: { signedIn: true } },
    { path: '/my/report', component: ReportFault, meta: { signedIn: true } },
    { path: '/my/tickets/:id', component: TicketDetail, meta: { signedIn: true } },
    // The customer's "resolved" SMS links to /tickets/{id}.
    { path: '/tickets/:id', redirect: to => `/my/tickets/${to.params.id}` },
    { path: '/e/:code', component: EngineerJob },
    { path: '/jobs', component: MyJobs, meta: { signedIn: true, engineer: true } },
    { path: '/jobs/:id', component: EngineerJob, meta: { signedIn: true, engineer: true } },
    // The console loads Element Plus on demand, so phone pages stay light.
    { path: '/console/sign-in', component: () => import('./console/ConsoleSignIn.vue') },
    { path: '/console', component: () => import('./console/TicketBoard.vue'), meta: { signedIn: true, console: true } },
    { path: '/console/tickets/:id', component: () => import('./console/TicketDetail.vue'), meta: { signedIn: true, console: true } },
    ...opsRoutes,
    ...adminRoutes,
  ],
})

router.beforeEach(to => {
  if (!to.meta.signedIn || session.token) return true
  if (to.meta.console) return { path: '/console/sign-in' }
  return { path: '/sign-in', query: { next: to.fullPath, ...(to.meta.engineer ? { role: 'engineer' } : {}) } }
})
