package org.kho.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kho.core.UsageException;

class WordsTest {
  @Test
  void splitsOnBlanksAndKeepsQuotedTextTogether() {
    assertThat(Words.split("pg_restore  -d 'hr db' --table=\"a b\" x\\ y", "--to-command"))
        .containsExactly("pg_restore", "-d", "hr db", "--table=a b", "x y");
  }

  @Test
  void quotedShellCharactersAreLiteral() {
    assertThat(Words.split("pg_dump -t 'public.*' \"a|b\"", "--x")).containsExactly("pg_dump", "-t", "public.*", "a|b");
  }

  @Test
  void unquotedShellSyntaxIsRefusedWithTheShellOptionAsHint() {
    assertThatThrownBy(() -> Words.split("pg_dump hr | gzip", "--stdin-from-command"))
        .isInstanceOf(UsageException.class).hasMessageContaining("'|'")
        .extracting(e -> ((UsageException) e).hint()).asString().contains("--shell");
    assertThatThrownBy(() -> Words.split("echo $HOME", "--x")).hasMessageContaining("'$'");
  }

  @Test
  void unclosedQuoteAndEmptyLineAreRefused() {
    assertThatThrownBy(() -> Words.split("pg_dump 'hr", "--x")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> Words.split("   ", "--x")).hasMessageContaining("empty");
  }
}
