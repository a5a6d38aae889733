-- The workbench of the supervision office (issue 12): the ledger items waiting on it, a closing
-- review or an extension to decide, found without scanning the jurisdiction's open items.
create index supervision_items_awaiting_office on supervision_items (jurisdiction_id, due_date)
  where state = 'closeRequested' or pending_extension is not null;
