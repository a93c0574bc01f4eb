/** A failure whose message is meant for the console user: it becomes the task's `error` as is. */
export class TaskError extends Error {}
