package org.kho.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void aCloseMisspellingGetsADidYouMean() {
    assertThat(Suggestions.hint("retenton", List.of("retention", "schedule", "targets")))
        .isEqualTo("did you mean 'retention'?");
    assertThat(Suggestions.closest("shcedule", List.of("retention", "schedule"))).contains("schedule");
  }

  @Test
  void somethingFarOffListsWhatIsAllowed() {
    assertThat(Suggestions.hint("colour", List.of("schedule", "method")))
        .isEqualTo("expected one of: method, schedule");
  }

  @Test
  void transpositionCountsAsOneEdit() {
    assertThat(Suggestions.distance("nmae", "name")).isEqualTo(1);
  }
}
