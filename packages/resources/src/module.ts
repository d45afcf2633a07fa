import { bind, businessCalendar, defaultBusinessCalendar, defineModule, type Weekday } from '@praxis/core';
import * as ControlledRegister from './controlled-register/index.js';
import * as StorageUnit from './storage-unit/index.js';
import * as VendorContract from './vendor-contract/index.js';
import * as Equipment from './equipment/index.js';
import * as TechnologyAsset from './technology-asset/index.js';
import * as TechnologyProject from './technology-project/index.js';
import { resourcesTechnology } from './technology-model/projection.js';
import { resourcesKpis } from './kpis.js';
import {
  businessCalendarKey,
  resourcesObligations,
  resourcesObligationsName,
  type BusinessCalendarDoc,
} from './obligations/index.js';
import { Budget } from '@praxis/finance';
import { Roster, StaffMember } from '@praxis/staff';
import { localDateOf } from '@praxis/core';
import * as Staffing from './staffing/index.js';
import {
  staffSkills,
  staffSkillsName,
  skillsKey,
  certifiedOn,
  type SkillsDoc,
} from './staffing/projection.js';
import * as PurchaseOrder from './purchase-order/index.js';
import * as PurchasingPolicy from './purchasing-policy/index.js';
import { openCommitments, resourcesPurchasing } from './purchasing-model/projection.js';
import {
  budgetExpenseOnPoReceipt,
  deaLossOnAdjustment,
  excursionDisposition,
  quarantineOnExcursion,
  reorderOnMovement,
  reorderOpen,
  stockOnPoReceipt,
  trainingOnProjectRequirement,
  transferInOnTransferOut,
} from './process-managers.js';
import { keys, resourcesStockName, type ItemDoc, type StockDoc } from './stock-model/projection.js';
import { reorderLine } from './stock-model/reorder.js';
import * as Stock from './stock/index.js';
import * as SupplyItem from './supply-item/index.js';
import { makeStockProjection } from './stock-model/projection.js';

/** Supply items: `practice.resources.registerSupplyItem({ itemId, … })`. */
export const supplyItem = bind(SupplyItem.decider, SupplyItem.commands, 'itemId');

/**
 * Stock by lot and location: `practice.resources.consumeStock({ stockId, … })`. Facts: the
 * SupplyItem a receipt is for (perishable, controlled, discontinued), and whether the acting person
 * holds a current DEA registration on the consumption day (`mayHandleControlledSubstances`).
 */
export const stock = bind(Stock.decider, Stock.commands, 'stockId', {
  snapshotEvery: 100,
  facts: {
    ReceiveStock: async (c, ctx) => {
      const item = await ctx.load<SupplyItem.SupplyItem>('SupplyItem', c.itemId);
      return {
        item:
          item === undefined || item.status === 'none'
            ? null
            : {
                perishable: item.perishable,
                discontinued: item.status === 'discontinued',
                controlledSchedule: item.controlledSchedule ?? null,
              },
      };
    },
    ConsumeStock: async (c, ctx) => {
      const member = await ctx.load<StaffMember.State>('StaffMember', c.consumedBy);
      return {
        deaRegistered:
          member !== undefined && StaffMember.mayHandleControlledSubstances(member, c.consumedOn),
      };
    },
    // The reorder line on the flag's day, from resources-stock, and whether a reorder is open.
    FlagReorder: async (c, ctx) => {
      const stock = (await ctx.reader.get(resourcesStockName, keys.stock(ctx.id))) as unknown as
        StockDoc | undefined;
      const item =
        stock === undefined
          ? undefined
          : ((await ctx.reader.get(resourcesStockName, keys.item(stock.itemId))) as unknown as
              ItemDoc | undefined);
      const line =
        stock === undefined || item === undefined ? undefined : reorderLine(stock, item, c.flaggedOn);
      if (stock === undefined || line === undefined) return { reorder: null };
      return {
        reorder: {
          onHand: line.onHand,
          position: line.position,
          min: line.min,
          max: line.max,
          safetyStock: line.computed.safetyStock,
          dailyMean: line.computed.dailyMean,
          suggestedQty: line.suggestedQty,
          open: await reorderOpen(ctx.reader, stock.itemId, stock.locationId),
        },
      };
    },
  },
});

/**
 * Purchase orders: `practice.resources.approvePO({ poId, approvedOn })`. Facts: the approver
 * role's limit (`PurchasingPolicy`), and the budget line's headroom = line total + approved
 * variances − expenses − open commitments of the other approved orders on the line.
 */
export const purchaseOrder = bind(PurchaseOrder.decider, PurchaseOrder.commands, 'poId', {
  facts: {
    DraftPO: async (c, ctx) => ({
      initiative: await Budget.initiativeLineOf((a, id) => ctx.load(a, id), c.initiativeId),
    }),
    // Which received items are perishable, so a lot stock would refuse is refused on receipt.
    ReceivePO: async (c, ctx) => {
      const perishableItemIds: string[] = [];
      for (const itemId of new Set(c.lines.map((l) => l.itemId))) {
        const item = await ctx.load<SupplyItem.SupplyItem>('SupplyItem', itemId);
        if (item !== undefined && item.status !== 'none' && item.perishable) perishableItemIds.push(itemId);
      }
      return { perishableItemIds };
    },
    ApprovePO: async (c, ctx) => {
      const po = await ctx.load<PurchaseOrder.PurchaseOrder>('PurchaseOrder', c.poId);
      const policy = await ctx.load<PurchasingPolicy.PurchasingPolicy>(
        'PurchasingPolicy',
        PurchasingPolicy.purchasingPolicyId,
      );
      const approvalLimitCents = PurchasingPolicy.approvalLimitOf(policy, ctx.actor.role);
      if (po === undefined || po.status === 'none') return { approvalLimitCents, budgetRoom: null };
      const budget = await ctx.load<Budget.State>('Budget', po.budgetId);
      if (budget === undefined || budget.status === 'none') return { approvalLimitCents, budgetRoom: null };
      const line = budget.lines[po.category];
      const committed = await openCommitments(ctx.reader, po.budgetId, po.category, po.poId);
      return {
        approvalLimitCents,
        budgetRoom: {
          status: budget.status,
          lineExists: line !== undefined,
          headroomCents:
            line === undefined ? 0 : line.budgeted + line.approvedVariance - line.spent - committed,
        },
      };
    },
  },
});

/** Approval limits by role: `practice.resources.setApprovalLimit({ policyId: 'practice', role, limitCents, setOn })`. */
export const purchasingPolicy = bind(PurchasingPolicy.decider, PurchasingPolicy.commands, 'policyId');

/** Vaccine refrigerators and freezers: `practice.resources.recordTemperatureCheck({ unitId, … })`. */
export const storageUnit = bind(StorageUnit.decider, StorageUnit.commands, 'unitId', {
  facts: {
    // Checks are due each business day (CDC: at the start of each workday [IMMUNIZE]).
    RegisterStorageUnit: async (c, ctx) => ({
      firstCheckOn: (await ctx.businessCalendar()).nextBusinessDay(c.registeredOn),
    }),
    RecordTemperatureCheck: async (c, ctx) => ({
      nextCheckOn: (await ctx.businessCalendar()).addBusinessDays(c.checkedOn, 1),
    }),
    // The lots at the unit's location quarantined for a temperature excursion, with their units.
    DispositionExcursion: async (_c, ctx) => {
      const unit = await ctx.load<StorageUnit.StorageUnit>('StorageUnit', ctx.id);
      const quarantined: { stockId: string; lotNo: string; qty: number }[] = [];
      if (unit === undefined || unit.status === 'none') return { quarantined };
      for await (const [, doc] of ctx.reader.list(resourcesStockName, 'stock:')) {
        const st = doc as unknown as StockDoc;
        if (st.locationId !== unit.locationId) continue;
        for (const [lotNo, lot] of Object.entries(st.lots))
          if (lot.quarantined && lot.quarantineReason === 'temperature-excursion')
            quarantined.push({ stockId: st.stockId, lotNo, qty: lot.qty });
      }
      return { quarantined };
    },
  },
});

/**
 * Thefts and losses of controlled substances: `practice.resources.recordTheftOrLoss({ registrationId, … })`.
 * Fact: the notice due date, one business day after discovery on the practice's calendar.
 */
export const controlledRegister = bind(
  ControlledRegister.decider,
  ControlledRegister.commands,
  'registrationId',
  {
    facts: {
      RecordTheftOrLoss: async (c, ctx) => {
        // The calendar in force, as resources-obligations keeps it from Practice-settings.
        const doc = (await ctx.reader.get(resourcesObligationsName, businessCalendarKey)) as unknown as
          BusinessCalendarDoc | undefined;
        const calendar = businessCalendar(
          doc?.timeZone ?? 'UTC',
          doc === undefined
            ? defaultBusinessCalendar
            : { openWeekdays: doc.openWeekdays as Weekday[], holidays: doc.holidays },
        );
        return { noticeDueOn: calendar.addBusinessDays(c.discoveredOn, 1) };
      },
      // The controlled lots on hand at the registered location (one registration per location).
      TakeInventory: async (c, ctx) => {
        const items = new Map<string, string | null>();
        for await (const [, doc] of ctx.reader.list(resourcesStockName, 'item:')) {
          const item = doc as unknown as ItemDoc;
          items.set(item.itemId, item.controlledSchedule);
        }
        const lines: { itemId: string; lotNo: string; qty: number; schedule: string }[] = [];
        for await (const [, doc] of ctx.reader.list(resourcesStockName, 'stock:')) {
          const st = doc as unknown as StockDoc;
          const schedule = items.get(st.itemId);
          if (st.locationId !== c.registrationId || schedule === undefined || schedule === null) continue;
          for (const [lotNo, lot] of Object.entries(st.lots))
            if (lot.qty > 0) lines.push({ itemId: st.itemId, lotNo, qty: lot.qty, schedule });
        }
        return {
          lines: lines.sort((a, b) => a.itemId.localeCompare(b.itemId) || a.lotNo.localeCompare(b.lotNo)),
        };
      },
    },
  },
);

/** Vendor contracts: `practice.resources.registerContract({ contractId, … })`. */
export const vendorContract = bind(VendorContract.decider, VendorContract.commands, 'contractId');

/** Equipment and its maintenance: `practice.resources.recordMaintenance({ assetId, … })`. */
export const equipment = bind(Equipment.decider, Equipment.commands, 'assetId');

/** Technology systems (R8): `practice.resources.recordRestoreTest({ systemId, … })`. */
export const technologyAsset = bind(TechnologyAsset.decider, TechnologyAsset.commands, 'systemId');

/**
 * The skills matrix (R10): `practice.resources.certifySkill({ staffId, skill, level, certifiedOn })`.
 * Fact: whether the staff roster has the person on staff that day.
 */
export const staffSkillsAggregate = bind(Staffing.skillsDecider, Staffing.skillCommands, 'staffId', {
  facts: {
    CertifySkill: async (c, ctx) => {
      const entry = await Roster.getRosterEntry(ctx.reader, c.staffId);
      return {
        staff:
          entry === undefined ? 'unknown' : Roster.isActiveOn(entry, c.certifiedOn) ? 'active' : 'not-active',
      } as const;
    },
  },
});

/** Weekly hours limit and critical skills: `practice.resources.requireSkill({ policyId: 'practice', … })`. */
export const staffingPolicy = bind(Staffing.policyDecider, Staffing.policyCommands, 'policyId');

/**
 * Weekly shift rosters (R10): `practice.resources.publishShifts({ weekStart, shifts })`. Facts: per
 * shift its day in the practice zone, whether the person is on staff then and holds the role (staff
 * roster) or a current certification in it (skills matrix); the weekly hours limit.
 */
export const shiftRoster = bind(Staffing.rosterDecider, Staffing.rosterCommands, 'weekStart', {
  facts: {
    PublishShifts: async (c, ctx) => {
      const policy = await ctx.load<Staffing.StaffingPolicy>('StaffingPolicy', Staffing.staffingPolicyId);
      const checks = [];
      for (const x of c.shifts) {
        const on = localDateOf(x.startAt, ctx.timeZone);
        const entry = await Roster.getRosterEntry(ctx.reader, x.staffId);
        const active = entry !== undefined && Roster.isActiveOn(entry, on);
        const skills = (await ctx.reader.get(staffSkillsName, skillsKey(x.staffId))) as unknown as
          SkillsDoc | undefined;
        const roleHeld =
          active &&
          (Roster.roleOn(entry, on) === x.role ||
            (skills?.skills[x.role] ?? []).some((cert) => certifiedOn(cert, on)));
        checks.push({ shiftId: x.shiftId, on, active, roleHeld });
      }
      const neighbours = [];
      for (const week of [Staffing.plusDays(c.weekStart, -7), Staffing.plusDays(c.weekStart, 7)]) {
        const roster = await ctx.load<Staffing.ShiftRoster>('ShiftRoster', week);
        for (const [shiftId, x] of Object.entries(roster?.shifts ?? {}))
          neighbours.push({ shiftId, staffId: x.staffId, startAt: x.startAt, endAt: x.endAt });
      }
      return { checks, maxWeeklyHours: policy?.maxWeeklyHours ?? null, neighbours };
    },
  },
});

/**
 * Technology projects (R9): `practice.resources.goLive({ projectId, liveOn })`. Facts at go-live:
 * each required course's gap (people on staff that day in its roles without a completion), and
 * whether the old system's BAA has the return-or-destroy clause.
 */
export const technologyProject = bind(TechnologyProject.decider, TechnologyProject.commands, 'projectId', {
  facts: {
    GoLive: async (c, ctx) => {
      const project = await ctx.load<TechnologyProject.TechnologyProject>('TechnologyProject', ctx.id);
      if (project === undefined || project.status === 'none')
        return { trainingGaps: [], oldVendorReturnOrDestroy: null };
      const staff = (await Roster.listRoster(ctx.reader)).filter((r) => Roster.isActiveOn(r, c.liveOn));
      const trainingGaps = project.trainings.map(({ course, roles }) => {
        const people = staff.filter((r) => roles.includes(Roster.roleOn(r, c.liveOn) ?? ''));
        const missing = people.filter(
          (r) =>
            !Object.values(r.trainings).some(
              (t) => t.course === course && t.completions.some((x) => x.completedOn <= c.liveOn),
            ),
        ).length;
        return { course, missing, required: people.length };
      });
      const old =
        project.fromSystemId === undefined
          ? undefined
          : await ctx.load<TechnologyAsset.TechnologyAsset>('TechnologyAsset', project.fromSystemId);
      return {
        trainingGaps,
        oldVendorReturnOrDestroy:
          project.fromSystemId === undefined ? null : old?.baa?.returnOrDestroyClause === true,
      };
    },
  },
});

/** The `resources-stock` read model. */
export const resourcesStock = makeStockProjection();

/**
 * Resource management (MODULES.md §3.3), area `resources`: supply items, stock by lot and
 * location, purchase orders against the budget, their read models, process managers and roles.
 */
export const resourcesModule = defineModule({
  area: 'resources',
  aggregates: [
    supplyItem,
    stock,
    purchaseOrder,
    purchasingPolicy,
    storageUnit,
    controlledRegister,
    vendorContract,
    equipment,
    technologyAsset,
    staffSkillsAggregate,
    staffingPolicy,
    shiftRoster,
    technologyProject,
  ],
  projections: [resourcesStock, resourcesPurchasing, resourcesObligations, resourcesTechnology, staffSkills],
  kpis: resourcesKpis,
  processManagers: [
    stockOnPoReceipt,
    budgetExpenseOnPoReceipt,
    quarantineOnExcursion,
    deaLossOnAdjustment,
    transferInOnTransferOut,
    reorderOnMovement,
    excursionDisposition,
    trainingOnProjectRequirement,
  ],
  roles: {
    // The purchasing role buys within its approval limit (PurchasingPolicy) and runs the stock room.
    purchasing: ['SupplyItem.*', 'Stock.*', 'PurchaseOrder.*', 'VendorContract.*'],
    // Clinicians and staff use supplies; quarantine is everyone's duty when a lot is suspect.
    physician: ['Stock.ConsumeStock', 'Stock.QuarantineLot'],
    staff: ['Stock.ConsumeStock', 'Stock.QuarantineLot', 'StorageUnit.RecordTemperatureCheck'],
    // HR keeps the skills matrix and the rosters; the critical skills and hours limit stay with the manager.
    hr: ['StaffSkills.*', 'ShiftRoster.*'],
    compliance_officer: [
      'Stock.QuarantineLot',
      'Stock.ReleaseLot',
      'Stock.DisposeStock',
      'StorageUnit.*',
      'Equipment.*',
      'ControlledSubstanceRegister.*',
      'TechnologyAsset.*',
      'TechnologyProject.*',
    ],
  },
});
