package org.dunbar.generate;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.function.IntSupplier;
import org.dunbar.model.InteractionType;

/**
 * Runs the dump day by day: snapshots at midnight, then every action of the day in time order, each
 * one checked against the state of its moment and possibly scheduling reactions.
 */
final class Simulation {
  private final GeneratorSettings settings;
  private final World world;
  private final Rng rng;
  private final Timeline timeline = new Timeline();
  private final Activity activity;
  private final Targets targets;
  private final Reactions reactions;
  private final DumpWriter dump;
  private final SnapshotLog snapshots;

  Simulation(
      GeneratorSettings settings, World world, Rng rng, DumpWriter dump, SnapshotLog snapshots) {
    this.settings = settings;
    this.world = world;
    this.rng = rng;
    this.dump = dump;
    this.snapshots = snapshots;
    activity = new Activity(world.population(), rng.split());
    targets = new Targets(world, rng.split());
    reactions = new Reactions(world, rng.split(), timeline);
  }

  void run() throws IOException {
    long start = settings.start().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    for (int day = 0; day < settings.days(); day++) {
      long dayStart = start + day * DayClock.DAY;
      long dayEnd = dayStart + DayClock.DAY;
      snapshots.take(day, dayStart);
      dump.startDay(day, dayStart);
      activity.schedule(dayStart, timeline);
      if (day == world.burst().day()) {
        world.burst().schedule(dayStart, world, rng, timeline);
      }
      for (Action a = timeline.nextBefore(dayEnd); a != null; a = timeline.nextBefore(dayEnd)) {
        handle(a);
      }
    }
  }

  private void handle(Action action) throws IOException {
    switch (action.type()) {
      case FOLLOW -> follow(action);
      case UNFOLLOW -> unfollow(action);
      case POST -> {
        long post = world.posts().create(action.actor());
        emit(action, GeneratedEvent.NONE, post, GeneratedEvent.NONE);
      }
      default -> interact(action);
    }
  }

  private void follow(Action action) throws IOException {
    int target = chosen(action, () -> targets.toFollow(action.actor()));
    if (target == Action.ANYONE || !world.canFollow(action.actor(), target)) {
      return;
    }
    world.graph().add(action.actor(), target);
    reactions.afterFollow(action, emit(action, target, GeneratedEvent.NONE, GeneratedEvent.NONE));
  }

  private void unfollow(Action action) throws IOException {
    int target = chosen(action, () -> targets.toUnfollow(action.actor()));
    if (target == Action.ANYONE || !world.graph().follows(action.actor(), target)) {
      return;
    }
    world.graph().remove(action.actor(), target);
    emit(action, target, GeneratedEvent.NONE, GeneratedEvent.NONE);
  }

  private void interact(Action action) throws IOException {
    InteractionType type = action.type();
    int target = chosen(action, () -> targets.toInteract(action.actor(), type));
    if (target == Action.ANYONE || world.burst().silenced(action.actor(), target)) {
      return;
    }
    long parent = action.parent();
    if (parent == GeneratedEvent.NONE && type.actsOnPost()) {
      parent = world.posts().recent(target, rng);
    }
    long post = createsPost(type) ? world.posts().create(action.actor()) : GeneratedEvent.NONE;
    GeneratedEvent event = emit(action, target, post, parent);
    world.burst().noteInteraction(action.actor(), target);
    reactions.afterInteraction(action, event);
  }

  /** The action's own target, or the one chosen now when it left that open. */
  private static int chosen(Action action, IntSupplier choice) {
    return action.target() == Action.ANYONE ? choice.getAsInt() : action.target();
  }

  private GeneratedEvent emit(Action action, int target, long post, long parent)
      throws IOException {
    GeneratedEvent event =
        new GeneratedEvent(action.at(), action.type(), action.actor(), target, post, parent);
    dump.emit(event);
    return event;
  }

  /** A reply, mention or quote is itself a post others can answer, as a tweet is. */
  private static boolean createsPost(InteractionType type) {
    return type == InteractionType.POST
        || type == InteractionType.REPLY
        || type == InteractionType.MENTION
        || type == InteractionType.QUOTE;
  }
}
