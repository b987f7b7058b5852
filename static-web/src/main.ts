import { createApp } from 'vue'
import { Button, Cell, CellGroup, Field, Form, Empty, Tag, NavBar, showToast } from 'vant'
import 'vant/lib/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n, initialLanguage } from './i18n'

document.documentElement.lang = initialLanguage()
createApp(App)
  .use(i18n)
  .use(router)
  .use(Button).use(Cell).use(CellGroup).use(Field).use(Form).use(Empty).use(Tag).use(NavBar)
  .provide('toast', showToast)
  .mount('#app')
