import { Box, Button, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useAbilities, type Ability } from '../shared/abilities';
import { MonthCockpit } from './MonthCockpit';

/** Each role's home page: finance and admins get the month cockpit; the others the shortcuts of their daily work. */
export const Dashboard = () => {
  const { can, loaded } = useAbilities();
  const translate = useTranslate();
  if (!loaded) return null;
  if (can('periods.close') && can('documents.read')) return <MonthCockpit />;
  const shortcuts: { to: string; label: string; ability: Ability }[] = [
    { to: '/tariffs', label: 'app.cockpit.shortcut.tariffs', ability: 'tariffs.read' },
    { to: '/rejects', label: 'app.cockpit.shortcut.rejects', ability: 'rejects.read' },
    { to: '/accounts', label: 'app.cockpit.shortcut.accounts', ability: 'accounts.read' },
    { to: '/simulate', label: 'app.cockpit.shortcut.simulate', ability: 'simulate' },
    { to: '/cdrs', label: 'app.cockpit.shortcut.cdrs', ability: 'cdrs.read' },
  ];
  return (
    <Box sx={{ mt: 2 }} data-testid="dashboard">
      <Title title={translate('app.cockpit.home')} />
      <Typography variant="h5" gutterBottom>{translate('app.cockpit.home')}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ flexWrap: 'wrap' }}>
        {shortcuts.filter((s) => can(s.ability)).map((s) => (
          <Button key={s.to} variant="outlined" component={Link} to={s.to}>{translate(s.label)}</Button>
        ))}
      </Stack>
    </Box>
  );
};
