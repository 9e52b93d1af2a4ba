import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { DisclosureRequest, type DisclosureRequestInput } from '@hearth/shared';
import { Download } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { downloadFile } from '../../api/download';
import { errorMessage } from '../../api/errorMessage';
import { Dialog, DialogClose } from '../../ui/Dialog';
import { Field } from './Field';

type Props = {
  /** Where the file is, given who receives it and why. */
  urlFor: (to: DisclosureRequestInput) => string;
  label?: string;
};

/**
 * "Download CSV" for an export of participants' data: it first asks who receives it and why
 * (42 CFR Part 2's accounting of disclosures), then downloads. The server records both.
 */
export function DisclosureDownload({ urlFor, label = 'Download CSV' }: Props) {
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState<string>();
  const form = useForm<DisclosureRequestInput>({ resolver: zodResolver(DisclosureRequest), defaultValues: { recipient: '', purpose: '' } });
  const { errors, isSubmitting } = form.formState;

  const download = form.handleSubmit(async (request) => {
    setFailed(undefined);
    try {
      await downloadFile(urlFor(request));
      setOpen(false);
      form.reset();
    } catch (err) {
      setFailed(errorMessage(err));
    }
  });

  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        <Download aria-hidden="true" />
        {label}
      </button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setFailed(undefined);
        }}
        title="Who receives this export?"
        description="It holds participants’ records. Hearth keeps who it goes to and why in each participant’s accounting of disclosures."
        testId="disclosure-dialog"
      >
        <form noValidate onSubmit={(e) => void download(e)} aria-label="Disclosure details">
          <Field label="Recipient" hint="A person or an organisation." autoComplete="off" error={errors.recipient?.message} {...form.register('recipient')} />
          <Field label="Purpose" hint="Why it is disclosed, such as a claim review." autoComplete="off" error={errors.purpose?.message} {...form.register('purpose')} />
          {failed && (
            <p role="alert" className="notice notice-error">
              {failed}
            </p>
          )}
          <div className="dialog-actions">
            <DialogClose className="btn">Cancel</DialogClose>
            <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
              <Download aria-hidden="true" />
              {isSubmitting ? 'Downloading…' : 'Download'}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
