package org.kho.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Disposal;
import org.kho.catalogue.Target;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.repository.Host;
import org.kho.state.StateStore;
import org.kho.wipe.CertificateRegister;
import org.kho.wipe.Device;
import org.kho.wipe.Devices;
import org.kho.wipe.DirectoryRegister;
import org.kho.wipe.Firmware;
import org.kho.wipe.FirmwareEraser;
import org.kho.wipe.Overwrite;
import org.kho.wipe.Refusal;
import org.kho.wipe.Safety;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.Verify;
import org.kho.wipe.WipeCertificate;
import org.kho.wipe.WipeMethod;
import org.kho.wipe.WipePlan;
import org.kho.wipe.WipeProgress;
import org.kho.wipe.WipeRequest;
import org.kho.wipe.Wiper;

/**
 * {@code kho wipe}: lists the machine's disks with what stands in the way of wiping each, plans a
 * wipe, runs a confirmed one, signs its certificate, keeps it in the disposal register and renders
 * it in the catalogue's report languages.
 */
public final class WipeService {
  private final Clock clock;
  private final Map<String, String> env;
  private final Devices devices;
  private final FirmwareEraser firmware;
  private final CertificateRenderer renderer;

  WipeService(Clock clock, Map<String, String> env, Devices devices, FirmwareEraser firmware, CertificateRenderer renderer) {
    this.clock = clock;
    this.env = env;
    this.devices = devices;
    this.firmware = firmware;
    this.renderer = renderer;
  }

  /** The service on this machine's devices and tools. */
  public static WipeService system(Clock clock, Map<String, String> env) {
    return new WipeService(clock, env, Devices.system(),
        new FirmwareEraser(org.kho.wipe.CommandRunner.SYSTEM, Path.of("/sys"), Duration.ofSeconds(5)),
        new CertificateRenderer(clock.getZone()));
  }

  /**
   * Where wipes are recorded, and the catalogue whose targets they must spare.
   *
   * @param catalogue the checked catalogue, if a config directory was given
   * @param register the disposal register's folder
   * @param state the config directory's state database, which keeps the certificates and the audit log too
   */
  public record Setup(Optional<Catalogue> catalogue, DirectoryRegister register, Optional<State> state) {
    /** The register in {@code register}, or the default: /var/lib/kho/wipe-register for root, else under ~/.local/state. */
    public static Setup of(Optional<Catalogue> catalogue, Optional<Path> register) {
      Path dir = register.orElseGet(() -> "root".equals(System.getProperty("user.name"))
          ? Path.of("/var/lib/kho/wipe-register")
          : Path.of(System.getProperty("user.home"), ".local/state/kho/wipe-register"));
      return new Setup(catalogue, new DirectoryRegister(dir), Optional.empty());
    }

    /** This setup, recording wipes in the state database of config directory {@code config} as well. */
    public Setup withState(StateAccess access, Path config, StateAccess.Options options) {
      return new Setup(catalogue, register, Optional.of(new State(access, config, options)));
    }

    /** Where the certificates are listed from: the state database, else the folder. */
    public String source() {
      return state.map(s -> "the state database " + s.access().locate(s.config(), s.options()).describe()
          + " (files in " + register.dir() + ")").orElse(register.dir().toString());
    }

    Disposal disposal() {
      return catalogue.map(Catalogue::disposal).orElse(Disposal.DEFAULT);
    }
  }

  /** The state database of config directory {@code config}, opened for each use. */
  public record State(StateAccess access, Path config, StateAccess.Options options) {
    StateStore open() {
      return access.open(config, options, 1);
    }
  }

  /**
   * A device and what may be done with it.
   *
   * @param device the device, with what is on it
   * @param refusals every reason not to wipe it
   * @param methods the methods it supports: the overwrites, and the firmware commands found
   * @param notes why other firmware methods are not offered
   */
  public record DeviceStatus(Device device, List<Refusal> refusals, List<WipeMethod> methods, List<String> notes) {}

  /** Every disk and loop device of the machine, with its status. */
  public List<DeviceStatus> list(Setup setup) {
    Safety.Context machine = devices.context(targetFolders(setup));
    return devices.list().stream().map(d -> {
      FirmwareEraser.Capabilities caps = firmware.detect(d);
      List<WipeMethod> methods = Stream.concat(Stream.of(Overwrite.values()), caps.methods().stream())
          .map(WipeMethod.class::cast).toList();
      return new DeviceStatus(d, Safety.check(d, machine), methods, caps.notes());
    }).toList();
  }

  /**
   * What the operator asked for, before defaults are applied.
   *
   * @param device the device node, kernel name or image file
   * @param method the method's label, or null for the catalogue's default
   * @param verify the verification mode, or null for the catalogue's default
   */
  public record Ask(String device, String method, Verify verify, String confirmSerial, boolean yes, boolean restart,
      String assetTag, String operator, String witness) {}

  /** The plan for {@code ask}, with the request it resolves to; writes nothing. */
  public Planned plan(Setup setup, Ask ask) {
    Device d = devices.find(ask.device());
    WipeMethod method = method(ask.method() != null ? ask.method() : setup.disposal().method().label(), d);
    Verify verify = ask.verify() != null ? ask.verify() : Verify.valueOf(setup.disposal().verify().name());
    String operator = ask.operator() != null && !ask.operator().isBlank() ? ask.operator() : defaultOperator();
    WipeRequest r = new WipeRequest(ask.device(), method, verify, ask.confirmSerial(), ask.yes(), ask.restart(),
        ask.assetTag(), operator, ask.witness());
    WipePlan plan = wiper(setup).plan(d, r, devices.context(targetFolders(setup)));
    return new Planned(plan, r);
  }

  /** A plan and the request it was made for. */
  public record Planned(WipePlan plan, WipeRequest request) {}

  /**
   * What a finished wipe left.
   *
   * @param signed the signed certificate
   * @param file where it is kept
   * @param rendered the HTML and PDF copies written beside it
   * @param renderProblem why a copy could not be written, or null
   */
  public record Done(SignedCertificate signed, String file, List<Path> rendered, String renderProblem) {
    public WipeCertificate certificate() {
      return signed.certificate().orElseThrow();
    }
  }

  /**
   * Runs a confirmed plan: checks that a signing key, (when the catalogue asks) a witness and (with
   * a config directory) the state database are there before anything is written, wipes, signs,
   * records (in the folder, and in the state's evidence index and audit log) and (if {@code render}) writes the
   * certificate's HTML and PDF in the catalogue's languages.
   */
  public Done wipe(Setup setup, Planned p, Optional<SigningKey> key, String tool, boolean render, WipeProgress progress,
      BooleanSupplier cancelled) {
    SigningKey signer = key.or(() -> setup.catalogue().flatMap(Catalogue::signingKey).map(new Secrets(env)::signingKey))
        .orElseThrow(() -> new UsageException("a wipe certificate must be signed, and no signing key was given",
            "give --signing-key FILE (from 'kho key signing-init'), or signingKey in catalogue.yaml with --config"));
    if (setup.disposal().requireWitness() && (p.request().witness() == null || p.request().witness().isBlank())) {
      throw new UsageException("the catalogue's disposal rules require a witness", "give --witness NAME");
    }
    SignedCertificate signed;
    String file;
    try (StateStore state = setup.state().map(State::open).orElse(null)) {
      WipeCertificate c = wiper(setup).run(p.plan(), p.request(), new Wiper.Origin(new Host().name(), tool), progress,
          cancelled);
      signed = SignedCertificate.sign(c, signer);
      file = register(setup, state).add(signed);
    }
    List<Path> rendered = new ArrayList<>();
    String problem = null;
    try {
      if (render) {
        rendered.addAll(renderer.write(signed, agency(setup), setup.register(), setup.disposal().languages()));
      }
    } catch (KhoException e) {
      problem = e.getMessage() + " (" + e.hint() + ")";
    }
    return new Done(signed, file, rendered, problem);
  }

  /** The disposal register, oldest first: from the state database when there is one, else the folder. */
  public List<SignedCertificate> certificates(Setup setup) {
    try (StateStore state = setup.state().map(State::open).orElse(null)) {
      return register(setup, state).list();
    }
  }

  private static CertificateRegister register(Setup setup, StateStore state) {
    return state == null ? setup.register() : new StateRegister(setup.register(), state);
  }

  /** Writes the HTML and PDF of certificate {@code id} in {@code languages} beside it; returns the files. */
  public List<Path> render(Setup setup, String id, List<String> languages) {
    SignedCertificate c = setup.register().find(id).orElseThrow(() -> new KhoException(
        "no single certificate " + id + " in " + setup.register().dir(), "see 'kho wipe certificates' for their numbers"));
    return renderer.write(c, agency(setup), setup.register(), languages);
  }

  private Wiper wiper(Setup setup) {
    return new Wiper(firmware, setup.register().journal(), clock);
  }

  /** A method label; the catalogue's firmware-erase and firmware-sanitize pick the device's best. */
  private WipeMethod method(String label, Device d) {
    List<Firmware> supported = label.startsWith("firmware-") ? firmware.detect(d).methods() : List.of();
    Optional<WipeMethod> found = switch (label) {
      case "firmware-sanitize" -> supported.stream().filter(f -> f.label().contains("sanitize")).findFirst().map(WipeMethod.class::cast);
      case "firmware-erase" -> supported.stream().filter(f -> !f.label().contains("sanitize")).findFirst().map(WipeMethod.class::cast);
      default -> WipeMethod.parse(label);
    };
    return found.orElseThrow(() -> new UsageException(label.startsWith("firmware-")
        ? d.path() + " supports no " + label + " command" : "no wipe method '" + label + "'",
        "methods: " + String.join(", ", WipeMethod.all().map(WipeMethod::label).toList())));
  }

  private static Map<String, Path> targetFolders(Setup setup) {
    Map<String, Path> folders = new LinkedHashMap<>();
    setup.catalogue().ifPresent(c -> c.targets().forEach(t -> {
      if (t instanceof Target.Local l) {
        folders.put(l.id().value(), l.path());
      }
    }));
    return folders;
  }

  private static String agency(Setup setup) {
    return setup.catalogue().map(c -> c.agency().name()).orElse(null);
  }

  private String defaultOperator() {
    String sudo = env.get("SUDO_USER");
    return sudo != null && !sudo.isBlank() ? sudo : System.getProperty("user.name", "unknown");
  }
}
