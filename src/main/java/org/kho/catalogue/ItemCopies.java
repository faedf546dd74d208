package org.kho.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kho.core.ItemId;
import org.kho.core.TargetId;

/**
 * An item's copies as the catalogue sets them up, against the policy table for its security level:
 * how many targets its backups go to, on how many kinds of media, how many away from the machine.
 *
 * @param targets each target with its medium, in the item's order
 * @param required the policy table's minimums for the item's level
 * @param waivers the item's written departures from the policy (rule → reason)
 */
public record ItemCopies(ItemId item, int securityLevel, List<Copy> targets, PolicyTable.Level required,
    Map<PolicyRule, String> waivers) {

  /** One copy: the target and what kind of storage it is on. */
  public record Copy(TargetId target, Media media) {}

  public ItemCopies {
    targets = List.copyOf(targets);
    waivers = Map.copyOf(waivers);
  }

  /** The copies of {@code item} in {@code catalogue}. */
  public static ItemCopies of(Catalogue catalogue, Item item) {
    List<Copy> copies = new ArrayList<>();
    for (TargetId t : item.targets()) {
      catalogue.target(t).ifPresent(target -> copies.add(new Copy(t, target.media())));
    }
    return new ItemCopies(item.id(), item.securityLevel(), copies, catalogue.policy().at(item.securityLevel()),
        item.waivers());
  }

  public int copies() {
    return targets.size();
  }

  /** Kinds of media among the targets. */
  public int media() {
    return (int) targets.stream().map(Copy::media).distinct().count();
  }

  /** Targets away from the machine. */
  public int offsite() {
    return (int) targets.stream().filter(c -> c.media().offsite()).count();
  }

  /** The copy rules of the policy this item falls short of, waived or not. */
  public List<PolicyRule> shortOf() {
    List<PolicyRule> out = new ArrayList<>();
    if (copies() < required.copies()) {
      out.add(PolicyRule.COPIES);
    }
    if (media() < required.media()) {
      out.add(PolicyRule.MEDIA);
    }
    if (offsite() < required.offsiteCopies()) {
      out.add(PolicyRule.OFFSITE_COPIES);
    }
    return out;
  }

  /** Whether every copy rule is met or waived in writing. */
  public boolean meetsPolicy() {
    return shortOf().stream().allMatch(waivers::containsKey);
  }
}
