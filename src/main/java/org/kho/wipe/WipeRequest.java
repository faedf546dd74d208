package org.kho.wipe;

/**
 * What the operator asked for.
 *
 * @param device the device node, kernel name or image file
 * @param method how to wipe it
 * @param verify which passes to read back (overwrites)
 * @param confirmSerial what the operator typed to confirm, or null
 * @param yes whether the operator said to go ahead (without it, only the plan is shown)
 * @param restart whether to discard the record of an interrupted wipe and start over
 * @param assetTag the agency's property number, or null
 * @param operator who runs it
 * @param witness who witnesses it, or null
 */
public record WipeRequest(String device, WipeMethod method, Verify verify, String confirmSerial, boolean yes,
    boolean restart, String assetTag, String operator, String witness) {

  /** Whether the operator confirmed this very device: typed its serial (any case) and said yes. */
  public boolean confirms(Device d) {
    return yes && confirmSerial != null && confirmSerial.strip().equalsIgnoreCase(d.confirmation());
  }
}
