package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void matchesTheFips180TestVector() {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
