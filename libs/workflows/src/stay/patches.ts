/**
 * Temporal patch ids: every change to the interpreter's commands goes behind one, so that
 * stays already running (and the recorded histories in test/replay/) replay unchanged.
 * Deprecate a patch only when no stay that started before it can still be running.
 */
export const Patch = {
  /** Project the stay's counters (UK time, PUD moves, SIP, timeliness) as they change. */
  stayCounters: 'stay-counters-v1',
  /** Link a readmission within the window to the patient's earlier stay. */
  readmissionLink: 'readmission-link-v1',
  /** Remind a unit before a task falls due; escalate an overdue task to the unit's lead. */
  taskReminders: 'task-reminders-v1',
  /** Project all tasks falling overdue together in one activity, their deviations in another. */
  batchedOverdue: 'batched-overdue-v1',
  /** Cancel live tasks whose condition no longer holds when the needs change. */
  cancelOnChangedNeeds: 'cancel-on-changed-needs-v1',
  /**
   * Resolve units and project into PostgreSQL with local activities: an admission, event or
   * completion is one workflow task instead of a round trip to the server per projection.
   * Decided once per run, at its start. WITHDRAWN: two Updates in one workflow task replayed
   * their local-activity markers in another order after a worker restart (nondeterminism,
   * test/chaos/worker-sigkill). No workflow checks it any more; never reuse the id.
   */
  localActivities: 'local-activities-v1',
  /**
   * Project the admission's first tasks while the readmission is looked up: two regular
   * activities at once, one workflow task fewer per admission. Regular activities resolve in
   * history order on replay, so this is deterministic where local activities were not.
   */
  parallelAdmission: 'parallel-admission-v1',
  /**
   * Nothing dropped silently (definitions with settings.routing, v2 on): a task whose
   * receiving unit is not resolved opens at an intake unit with a routing task, and
   * completing that moves the tasks to the chosen unit. v1 stays never check it.
   */
  receivingUnitRouting: 'receiving-unit-routing-v1',
  /**
   * A projection PostgreSQL refuses for good (a data or integrity error, not retried) is
   * recorded on the stay and fails the Update that caused it, instead of the workflow
   * retrying it for ever and the Update never finishing. Only histories with such a failure
   * take the new branch; the worker retried them for ever before, so none had one.
   */
  projectionFailures: 'projection-failures-v1',
  /**
   * A patient folkbokförd in another county (the admission's units say so) starts with the
   * flag outOfCounty, which opens the ward's task to contact the home kommun (v2 on).
   */
  outOfCountyFlag: 'out-of-county-flag-v1',
  /**
   * A readmission tells the patient's earlier stay (signal 'readmitted'), which cancels its
   * after-discharge tasks that no longer apply, the reason kept (issue 14, rule 6).
   */
  readmissionCancelsEarlier: 'readmission-cancels-earlier-v1',
} as const;
