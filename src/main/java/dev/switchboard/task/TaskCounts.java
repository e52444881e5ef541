package dev.switchboard.task;

/**
 * How many tasks the fleet holds, for the console.
 *
 * @param running tasks not yet in a terminal state (Redis: the leases held)
 * @param recent tasks still kept, whatever their state (Redis: the fleet index, whose members of tasks that expired
 *     are dropped when a listing reads them)
 */
public record TaskCounts(long running, long recent) {}
