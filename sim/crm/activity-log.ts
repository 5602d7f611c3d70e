/**
 * The demo CRM's stored activities (the state behind `/api/activities`, sim/crm/activities.ts): the
 * records in order, the first record of each `Idempotency-Key`, and how many writes arrived.
 */
export interface ActivityRecord {
  id: string;
  idempotencyKey?: string;
  /** The request body as sent. */
  activity: Record<string, unknown>;
  createdAt: string;
}

export interface CrmActivitiesTruth {
  records: ActivityRecord[];
  /** Every `POST /api/activities` that reached the CRM, failed and replayed ones included. */
  attempts: number;
}

const FIRST_ID = 1;

export class ActivityLog {
  private readonly records: ActivityRecord[] = [];
  private readonly byKey = new Map<string, { record: ActivityRecord; bodyText: string }>();
  attempts = 0;

  list(): ActivityRecord[] {
    return this.records.map((r) => ({ ...r }));
  }

  replay(key: string): { record: ActivityRecord; bodyText: string } | undefined {
    return this.byKey.get(key);
  }

  add(activity: Record<string, unknown>, bodyText: string, at: string, key?: string): ActivityRecord {
    const record: ActivityRecord = {
      id: `ACT-${String(FIRST_ID + this.records.length).padStart(5, '0')}`,
      activity,
      createdAt: at,
    };
    if (key !== undefined) {
      record.idempotencyKey = key;
      this.byKey.set(key, { record, bodyText });
    }
    this.records.push(record);
    return record;
  }

  truth(): CrmActivitiesTruth {
    return { records: this.list(), attempts: this.attempts };
  }
}
