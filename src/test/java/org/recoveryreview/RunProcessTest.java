package org.recoveryreview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunProcessTest {

  @AfterEach
  void clear() {
    System.clearProperty(RunProcess.LAUNCHED_BY);
  }

  @Test
  void pid_oneJvm_thisProcess() {
    assertEquals(Optional.empty(), RunProcess.firstJvm());
    assertEquals(ProcessHandle.current().pid(), RunProcess.pid());
  }

  @Test
  void pid_secondJvm_theFirstJvmsPid() {
    System.setProperty(RunProcess.LAUNCHED_BY, "4352");
    assertEquals(Optional.of(4352L), RunProcess.firstJvm());
    assertEquals(4352L, RunProcess.pid());
  }

  @Test
  void pid_propertyNotANumber_thisProcess() {
    System.setProperty(RunProcess.LAUNCHED_BY, "first");
    assertEquals(Optional.empty(), RunProcess.firstJvm());
    assertEquals(ProcessHandle.current().pid(), RunProcess.pid());
  }
}
