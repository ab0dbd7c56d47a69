import { StatusTag, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { InvoicePageVM, InvoiceTag } from '../../contracts/cards';
import { DEFAULT_INVOICE_SORT, sortDescending, sortField, type InvoiceSort, type InvoiceSortField } from '../../contracts/card-context';
import type { I18n } from '../i18n';

const TAG_VARIANT: Record<InvoiceTag, 'danger' | 'warning' | 'info' | 'success' | 'default'> = {
  overdue: 'danger', disputed: 'warning', promised: 'info', in_arrangement: 'success', direct_debit: 'default', in_collection: 'warning',
};

interface Props {
  readonly i18n: I18n;
  readonly page: InvoicePageVM;
  readonly onSort: (sort: InvoiceSort) => void;
  readonly onPage: (page: number) => void;
}

/** One page of open invoices; sorting and paging happen on the server (long lists stay small on the wire). */
export function InvoiceTable({ i18n, page, onSort, onPage }: Props) {
  const { t } = i18n;
  const header = (field: InvoiceSortField, label: string, align: 'left' | 'right' = 'left') => {
    const active = sortField(page.sort) === field;
    const direction = !active ? 'none' : sortDescending(page.sort) ? 'descending' : 'ascending';
    return (
      <TableHeader
        testId={`sort-${field}`}
        align={align}
        sortDirection={direction}
        onSortChange={(d) => onSort(d === 'none' ? DEFAULT_INVOICE_SORT : ((d === 'descending' ? `-${field}` : field) as InvoiceSort))}
      >
        {label}
      </TableHeader>
    );
  };
  return (
    <Table testId="invoices" bordered paginated pageCount={Math.max(1, page.pageCount)} page={page.page} onPageChange={onPage} showFirstLastButtons>
      <TableHead>
        <TableRow>
          {header('number', t.colNumber)}
          {header('issueDate', t.colIssued)}
          {header('dueDate', t.colDue)}
          <TableHeader align="right">{t.colAmount}</TableHeader>
          {header('open', t.colOpen, 'right')}
          {header('daysOverdue', t.colDaysOverdue, 'right')}
          <TableHeader>{t.colStatus}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {page.items.map((inv) => (
          <TableRow key={inv.externalId} testId={`invoice-${inv.externalId}`}>
            <TableCell>
              {inv.number}
              {inv.kind === 'credit_note' ? <Text variant="microcopy">{t.creditNote}</Text> : null}
              {inv.paymentReference ? <Text variant="microcopy" testId={`reference-${inv.externalId}`}>{t.paymentReference(inv.paymentReference)}</Text> : null}
            </TableCell>
            <TableCell>{i18n.date(inv.issueDate)}</TableCell>
            <TableCell>{i18n.date(inv.dueDate)}</TableCell>
            <TableCell align="right">{i18n.money(inv.amount)}</TableCell>
            <TableCell align="right">{i18n.money(inv.open)}</TableCell>
            <TableCell align="right">{inv.daysOverdue}</TableCell>
            <TableCell>
              {inv.tags.map((tag) => (
                <StatusTag key={tag} variant={TAG_VARIANT[tag]} testId={`tag-${inv.externalId}-${tag}`}>{t[`tag_${tag}`]}</StatusTag>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
