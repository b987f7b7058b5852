import { createRouter, createWebHistory } from 'vue-router'
import Home from './pages/Home.vue'
import SignIn from './pages/SignIn.vue'
import MyTickets from './pages/MyTickets.vue'
import MyDevices from './pages/MyDevices.vue'
import ReportFault from './pages/ReportFault.vue'
import TicketDetail from './pages/TicketDetail.vue'
import { session } from './api/client'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: Home },
    { path: '/sign-in', component: SignIn },
    { path: '/my', component: MyTickets, meta: { signedIn: true } },
    { path: '/my/devices', component: MyDevices, meta: { signedIn: true } },
    { path: '/my/report', component: ReportFault, meta: { signedIn: true } },
    { path: '/my/tickets/:id', component: TicketDetail, meta: { signedIn: true } },
  ],
})

router.beforeEach(to => (to.meta.signedIn && !session.token ? { path: '/sign-in', query: { next: to.fullPath } } : true))
