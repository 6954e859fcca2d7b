package dev.agentgateway.control.deploy;

import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.LocalParametersReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParametersReference;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Provisions the proxy of every Gateway whose GatewayClass names our controller: resolves its
 * AgentgatewayParameters, then applies the Deployment (or DaemonSet), Service, ServiceAccount,
 * ConfigMaps, session key Secret and optional PodDisruptionBudget and HorizontalPodAutoscaler as
 * dependents owned by the Gateway (so Kubernetes deletes them with it); objects the parameters no
 * longer ask for are deleted. A parameters error leaves the existing objects untouched and is
 * exposed through {@link ProvisioningState}. Gateway status is written elsewhere, from that state.
 *
 * <p>Register it with {@link #register} before {@code operator.start()}. Production keeps JOSDK's
 * default server-side apply for the workload, Service, ServiceAccount, PDB and HPA (ConfigMaps and
 * the Secret use update, JOSDK's default for them). An API server without server-side apply, such
 * as fabric8's mock, needs the Operator built with {@code
 * withSSABasedCreateUpdateMatchForDependentResources(false)} (and {@code
 * withUseSSAToPatchPrimaryResource(false)}), as {@code GatewayReconcilerTest} does.
 */
@ControllerConfiguration(name = GatewayReconciler.NAME)
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "config", type = ProxyConfigMapDependent.class),
      @Dependent(
          name = "xds-ca",
          type = XdsCaConfigMapDependent.class,
          reconcilePrecondition = PlanIncludes.WantsXdsCa.class),
      @Dependent(
          name = "session-key",
          type = SessionKeySecretDependent.class,
          reconcilePrecondition = PlanIncludes.WantsSessionKey.class),
      @Dependent(name = "service-account", type = ProxyServiceAccountDependent.class),
      @Dependent(name = "service", type = ProxyServiceDependent.class),
      @Dependent(
          name = "deployment",
          type = ProxyDeploymentDependent.class,
          dependsOn = {"config", "service-account"},
          reconcilePrecondition = PlanIncludes.WantsDeployment.class),
      @Dependent(
          name = "daemon-set",
          type = ProxyDaemonSetDependent.class,
          dependsOn = {"config", "service-account"},
          reconcilePrecondition = PlanIncludes.WantsDaemonSet.class),
      @Dependent(
          name = "pod-disruption-budget",
          type = ProxyPodDisruptionBudgetDependent.class,
          reconcilePrecondition = PlanIncludes.WantsPodDisruptionBudget.class),
      @Dependent(
          name = "autoscaler",
          type = ProxyAutoscalerDependent.class,
          reconcilePrecondition = PlanIncludes.WantsAutoscaler.class)
    })
public class GatewayReconciler implements Reconciler<Gateway> {
  /** The controller's name in JOSDK (logs, metrics). */
  public static final String NAME = "gateway-provisioning";

  static final String CLASSES = "gatewayclasses";
  static final String PARAMETERS = "agentgatewayparameters";
  private static final String BY_CLASS = "byGatewayClass";
  private static final String BY_PARAMETERS = "byParameters";

  private final ControllerSettings settings;
  private final Supplier<String> xdsCaPem;
  private final ProvisioningState state;
  private final SecureRandom random = new SecureRandom();
  private volatile InformerEventSource<GatewayClass, Gateway> classes;
  private volatile InformerEventSource<AgentgatewayParameters, Gateway> parameters;
  private volatile IndexerResourceCache<Gateway> gateways;
  private final SimpleInboundEventSource<Gateway> caChanges =
      new SimpleInboundEventSource<>("xds-ca-changes");

  /**
   * @param xdsCaPem the CA certificate (PEM) proxies must trust, or null while xDS is plaintext;
   *     read on every reconcile
   */
  public GatewayReconciler(
      ControllerSettings settings, Supplier<String> xdsCaPem, ProvisioningState state) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.xdsCaPem = Objects.requireNonNull(xdsCaPem, "xdsCaPem");
    this.state = Objects.requireNonNull(state, "state");
  }

  /**
   * Registers a new reconciler with {@code operator}; call before {@code operator.start()}. The
   * returned reconciler's {@link #xdsCaChanged()} is for the xDS certificate manager.
   */
  public static GatewayReconciler register(
      Operator operator,
      ControllerSettings settings,
      Supplier<String> xdsCaPem,
      ProvisioningState state) {
    GatewayReconciler reconciler = new GatewayReconciler(settings, xdsCaPem, state);
    operator.register(reconciler);
    return reconciler;
  }

  /**
   * Re-reconciles every Gateway, so a new xDS CA (or TLS turned on or off) reaches the CA
   * ConfigMaps and rolls the proxies; a no-op before the operator started.
   */
  public void xdsCaChanged() {
    IndexerResourceCache<Gateway> cache = gateways;
    if (cache != null) {
      cache.list().forEach(gw -> caChanges.propagateEvent(ResourceID.fromResource(gw)));
    }
  }

  @Override
  public List<EventSource<?, Gateway>> prepareEventSources(EventSourceContext<Gateway> context) {
    IndexerResourceCache<Gateway> gateways = context.getPrimaryCache();
    this.gateways = gateways;
    gateways.addIndexer(
        BY_CLASS,
        gw ->
            gw.getSpec() == null || gw.getSpec().getGatewayClassName() == null
                ? List.of()
                : List.of(gw.getSpec().getGatewayClassName()));
    gateways.addIndexer(BY_PARAMETERS, GatewayReconciler::gatewayParametersKeys);
    classes =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(GatewayClass.class, Gateway.class)
                .withName(CLASSES)
                .withSecondaryToPrimaryMapper(gc -> ofClass(gateways, gc.getMetadata().getName()))
                .build(),
            context);
    parameters =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(AgentgatewayParameters.class, Gateway.class)
                .withName(PARAMETERS)
                .withSecondaryToPrimaryMapper(p -> usingParameters(gateways, p))
                .build(),
            context);
    return List.of(classes, parameters, caChanges);
  }

  @Override
  public UpdateControl<Gateway> reconcile(Gateway gateway, Context<Gateway> context) {
    GatewayKey key =
        new GatewayKey(gateway.getMetadata().getNamespace(), gateway.getMetadata().getName());
    String className = gateway.getSpec() == null ? null : gateway.getSpec().getGatewayClassName();
    GatewayClass gatewayClass =
        className == null ? null : classes.get(new ResourceID(className)).orElse(null);
    if (gatewayClass == null
        || gatewayClass.getSpec() == null
        || !settings.controllerName().equals(gatewayClass.getSpec().getControllerName())) {
      state.remove(key);
      return UpdateControl.noUpdate();
    }
    ParametersResolver resolver =
        new ParametersResolver((ns, name) -> parameters.get(new ResourceID(name, ns)).orElse(null));
    ParametersResolver.Result result = resolver.resolve(gateway, gatewayClass);
    String error = null;
    HasMetadata workload;
    if (result instanceof ParametersResolver.Resolved resolved) {
      MergedParameters params = resolved.parameters();
      String sessionKey =
          SessionKey.wanted(params.spec())
              ? SessionKey.existingOrNew(gateway, context, random)
              : null;
      ProxyPlan plan = ProxyResources.build(gateway, params, settings, xdsCaPem.get(), sessionKey);
      context.managedWorkflowAndDependentResourceContext().put(ProxyPlan.class, plan);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
      workload =
          plan.daemonSet() != null
              ? context.getSecondaryResource(DaemonSet.class).orElse(null)
              : context.getSecondaryResource(Deployment.class).orElse(null);
    } else {
      // Keep whatever runs now: a typo in parameters must not take the proxy down.
      error = ((ParametersResolver.Invalid) result).message();
      workload =
          context
              .getSecondaryResource(Deployment.class)
              .<HasMetadata>map(d -> d)
              .or(() -> context.getSecondaryResource(DaemonSet.class))
              .orElse(null);
    }
    Infrastructure infrastructure =
        ProvisioningState.infrastructureOf(
            workload, context.getSecondaryResource(Service.class).orElse(null), error);
    state.put(key, infrastructure);
    return UpdateControl.noUpdate();
  }

  /** The plan {@link #reconcile} computed, for the dependents. */
  static ProxyPlan plan(Context<Gateway> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(ProxyPlan.class, ProxyPlan.class);
  }

  private static Set<ResourceID> ofClass(IndexerResourceCache<Gateway> gateways, String name) {
    return gateways.byIndex(BY_CLASS, name).stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static List<String> gatewayParametersKeys(Gateway gw) {
    LocalParametersReference ref =
        gw.getSpec() == null || gw.getSpec().getInfrastructure() == null
            ? null
            : gw.getSpec().getInfrastructure().getParametersRef();
    return ref == null ? List.of() : List.of(gw.getMetadata().getNamespace() + "/" + ref.getName());
  }

  private Set<ResourceID> usingParameters(
      IndexerResourceCache<Gateway> gateways, AgentgatewayParameters params) {
    String ns = params.getMetadata().getNamespace();
    String name = params.getMetadata().getName();
    Set<ResourceID> ids = new HashSet<>();
    gateways
        .byIndex(BY_PARAMETERS, ns + "/" + name)
        .forEach(g -> ids.add(ResourceID.fromResource(g)));
    if (classes != null) {
      classes
          .list(
              gc -> {
                ParametersReference ref =
                    gc.getSpec() == null ? null : gc.getSpec().getParametersRef();
                return ref != null && name.equals(ref.getName()) && ns.equals(ref.getNamespace());
              })
          .forEach(gc -> ids.addAll(ofClass(gateways, gc.getMetadata().getName())));
    }
    return ids;
  }
}
