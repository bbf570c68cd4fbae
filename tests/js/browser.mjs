// A browser without JavaScript for the scripts here: follows nothing by itself and carries one cookie (the emulator's
// session cookie), so a test sees every redirect the emulator sends.
export function createBrowser(fetch) {
  return {
    cookie: null,
    async open(url, form) {
      const headers = this.cookie ? { cookie: this.cookie } : {};
      const init = { redirect: 'manual', headers };
      if (form) {
        init.method = 'POST';
        init.body = new URLSearchParams(form);
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      const res = await fetch(url, init);
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) {
        const [pair, ...attributes] = setCookie.split(';');
        const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]) < new Date());
        this.cookie = expired ? null : pair.trim();
      }
      return { status: res.status, location: res.headers.get('location'), body: await res.text() };
    },
  };
}
