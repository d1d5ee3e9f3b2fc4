import { useEffect } from 'react';
import { navigation } from '../api/navigation';
import { LOGIN_URL } from '../authProvider';

/** react-admin's login route: Spring Security serves the real sign-in page at /login. */
export const RedirectToLogin = () => {
  useEffect(() => {
    navigation.assign(LOGIN_URL);
  }, []);
  return null;
};
