/** One titled block of the case screen's left pane (applicant, request, decision period, ...). */
import { Box, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Box component="section" px="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid={testId}>
      <Title order={2} fz="sm" fw={700} c="werkbank.8" mb={4}>{title}</Title>
      {children}
    </Box>
  );
}
