import { useEffect, useRef, useState } from 'react';
import { Box, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link, Title, useTranslate } from 'react-admin';
import { api } from '../api/client';
import { isProblem, problemMessage, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { JobProgress, POLL_MS, type Job } from '../jobs/JobProgress';
import { ProblemAlert } from '../shared/ProblemAlert';

type CdrMapping = components['schemas']['CdrMapping'];

/**
 * Upload an equipment file (Asterisk Master.csv, FreeSWITCH CSV) with a mapping and a source; the server imports
 * it as a job, whose progress is read every second until it ends.
 */
export const ImportPage = () => {
  const translate = useTranslate();
  const [mappings, setMappings] = useState<CdrMapping[]>([]);
  const [mapping, setMapping] = useState('');
  const [source, setSource] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [job, setJob] = useState<Job | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [sending, setSending] = useState(false);

  useEffect(() => {
    api.GET('/api/v1/cdr-mappings').then(({ data }) => {
      if (data) {
        setMappings(data);
        if (data.length) setMapping((current) => current || (data[0].name ?? ''));
      }
    });
  }, []);

  useJobPolling(job, setJob);

  const start = async () => {
    if (!file) return;
    setSending(true);
    setProblem(undefined);
    setJob(undefined);
    try {
      const { data, error, response } = await api.POST('/api/v1/cdrs/import', {
        params: { query: { mapping, source } },
        // the file goes as it is, streamed by the browser: no JSON
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'Content-Type': 'text/csv' },
      });
      if (data) setJob(data);
      else setProblem(isProblem(error) ? error : { title: problemMessage(error, response.status), status: response.status });
    } catch (e) {
      setProblem({ title: (e as Error).message });
    } finally {
      setSending(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.import.title')} />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.import.intro')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
          <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            {translate('app.import.choose_file')}
            <input
              hidden
              type="file"
              accept=".csv,text/csv,text/plain"
              data-testid="import-file"
              onChange={(e) => setFile(e.target.files?.[0])}
            />
          </Button>
          <Typography variant="body2" data-testid="import-file-name" sx={{ minWidth: 160 }}>
            {file ? `${file.name} (${file.size.toLocaleString()} B)` : translate('app.import.no_file')}
          </Typography>
          <TextField
            select
            label={translate('app.import.mapping')}
            value={mapping}
            onChange={(e) => setMapping(e.target.value)}
            sx={{ minWidth: 220 }}
            slotProps={{ htmlInput: { 'data-testid': 'import-mapping' } }}
          >
            {mappings.map((m) => (
              <MenuItem key={m.name} value={m.name}>
                {m.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('app.import.source')}
            value={source}
            onChange={(e) => setSource(e.target.value)}
            helperText={translate('app.import.source_help')}
            slotProps={{ htmlInput: { 'data-testid': 'import-source', maxLength: 64 } }}
          />
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
          <Button variant="contained" onClick={start} disabled={!file || !mapping || !source.trim() || sending}>
            {translate(sending ? 'app.import.sending' : 'app.import.run')}
          </Button>
          <Link to="/jobs">{translate('app.import.all_jobs')}</Link>
        </Stack>
        {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.import.problem')} />}
        {job && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="h6" gutterBottom>
              {translate('app.import.progress')}
            </Typography>
            <JobProgress job={job} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

/** Reads the job again every {@link POLL_MS} while it is RUNNING. */
function useJobPolling(job: Job | undefined, setJob: (job: Job) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!job || job.state !== 'RUNNING') return undefined;
    timer.current = setTimeout(async () => {
      const { data } = await api.GET('/api/v1/jobs/{id}', { params: { path: { id: job.id } } });
      if (data) setJob(data);
    }, POLL_MS);
    return () => clearTimeout(timer.current);
  }, [job, setJob]);
}
