/** Full-page navigation, kept in one place so tests can replace it (jsdom cannot navigate). */
export const navigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
};
