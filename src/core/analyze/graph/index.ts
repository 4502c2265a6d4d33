/** The plan graph core: graph building, loop findings, stated plans, plan cycles and overlay. */
export { buildPlanGraph, groupNodeId, spanNodeId, type PlanGraphOptions } from './buildPlanGraph';
export { findLoops } from './loops';
export { findPlanCycles } from './planCycles';
export { stepCycles } from './stepCycles';
export { overlayPlan, type PlanOverlay, type StepOverlay, type StepStatus } from './planOverlay';
export { statedPlans, type PlanStep, type StatedPlan } from './planSteps';
export type * from './types';
