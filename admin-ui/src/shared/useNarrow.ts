import { useMediaQuery, type Theme } from '@mui/material';

/** true on a phone (narrower than MUI's `sm`, 600 px): lists show as SimpleList, one card per record */
export const useNarrow = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
