import { checkReferences } from '@xiangzhi/grids-api';
import { HouseholdRef } from '../shared/grids-stubs';
import { badInput, isUuid, mutateOnce, notFound, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CADRE_ROLES, CivilityAccess } from '../shared/access';
import { countyCodeOf, requireVillageCode } from '../shared/checks';
import { rows, type Sql } from '../shared/sql';
import { MarketItem, Redemption, type CreateMarketItemInput, type RedeemPointsInput } from './points.types';

interface ItemRow {
  id: string;
  village_code: string;
  name: string;
  price: number;
  stock: number;
}

const ITEM_COLUMNS = `id::text AS id, village_code, name, price, stock`;

function toItem(r: ItemRow): MarketItem {
  return Object.assign(new MarketItem(), { id: r.id, villageCode: r.village_code, name: r.name, price: r.price, stock: r.stock });
}

async function itemById(db: Sql | EntityManager, id: string): Promise<MarketItem> {
  const [row] = isUuid(id) ? await rows<ItemRow>(db, `SELECT ${ITEM_COLUMNS} FROM market_item WHERE id = $1`, [id]) : [];
  if (!row) throw notFound('积分超市商品', 'Market item', id);
  return toItem(row);
}

/** 上架 adds an item to a village's civilisation market (village, township and county cadres). */
export async function createMarketItem(ctx: RequestContext, input: CreateMarketItemInput): Promise<MarketItem> {
  requireVillageCode(input.villageCode);
  CivilityAccess.of(ctx).requireWrite(input.villageCode, CADRE_ROLES);
  await checkReferences(ctx.dataSource, { regions: [{ field: 'villageCode', code: input.villageCode, on: todayInChina() }] });
  return mutateOnce(
    ctx,
    { operation: 'createMarketItem', key: input.idempotencyKey, input, idOf: (i) => i.id, replay: (id) => itemById(ctx.dataSource, id) },
    { action: 'createMarketItem', targetType: 'MarketItem', regionCode: input.villageCode, targetId: (i) => i.id, payload: { name: input.name, price: input.price, stock: input.stock } },
    async (m) => {
      const id = randomUUID();
      const inserted = await rows<{ id: string }>(
        m,
        `INSERT INTO market_item (id, county_code, village_code, name, price, stock) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (village_code, name) DO NOTHING RETURNING id::text AS id`,
        [id, countyCodeOf(input.villageCode), input.villageCode, input.name.trim(), input.price, input.stock],
      );
      if (inserted.length === 0) {
        throw badInput(`本村积分超市已有同名商品：name = ${input.name}`, `The village’s market already has an item of that name: name = ${input.name}`, { field: 'name', rule: 'ITEM_NAME_TAKEN', value: input.name });
      }
      return itemById(m, id);
    },
  );
}

/** The items of a village's market (in scope), by name. */
export async function marketItems(ctx: RequestContext, villageCode: string): Promise<MarketItem[]> {
  requireVillageCode(villageCode);
  if (!CivilityAccess.of(ctx).canSee(villageCode)) return [];
  return (await rows<ItemRow>(ctx.dataSource, `SELECT ${ITEM_COLUMNS} FROM market_item WHERE village_code = $1 ORDER BY name`, [villageCode])).map(toItem);
}

/**
 * 积分兑换 takes the item's price times the quantity from the household's balance and the quantity
 * from the stock, in one transaction, each by a conditional update (`… WHERE balance >= cost`,
 * `… WHERE stock >= quantity`): concurrent redemptions queue on the rows and each sees the others'
 * result, so neither the balance nor the stock ever goes below zero.
 */
export async function redeemPoints(ctx: RequestContext, input: RedeemPointsInput): Promise<Redemption> {
  const item = await itemById(ctx.dataSource, input.itemId);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(item.villageCode, { zh: '积分超市商品', en: 'Market item', key: input.itemId });
  access.requireWrite(item.villageCode, CADRE_ROLES);
  await checkReferences(ctx.dataSource, { households: [{ field: 'householdId', id: input.householdId, within: item.villageCode }] });
  const cost = item.price * input.quantity;
  const today = todayInChina();
  return mutateOnce(
    ctx,
    { operation: 'redeemPoints', key: input.idempotencyKey, input, idOf: (r) => r.id, replay: (id) => redemptionById(ctx.dataSource, id) },
    { action: 'redeemPoints', targetType: 'Redemption', regionCode: item.villageCode, targetId: (r) => r.id, payload: { householdId: input.householdId, itemId: item.id, quantity: input.quantity, points: cost } },
    async (m) => {
      const paid = await rows<{ balance: number }>(m, `UPDATE household_points SET balance = balance - $2, redeemed = redeemed + $2 WHERE household_id = $1 AND balance >= $2 RETURNING balance`, [input.householdId, cost]);
      if (paid.length === 0) {
        const [row] = await rows<{ balance: number }>(m, `SELECT balance FROM household_points WHERE household_id = $1`, [input.householdId]);
        const balance = row?.balance ?? 0;
        throw badInput(
          `积分余额${balance}分，不足以兑换${input.quantity}件“${item.name}”（需${cost}分）：quantity = ${input.quantity}`,
          `A balance of ${balance} points does not cover ${input.quantity} × “${item.name}” (${cost} points): quantity = ${input.quantity}`,
          { field: 'quantity', rule: 'BALANCE_INSUFFICIENT', value: input.quantity, balance, cost },
        );
      }
      const taken = await rows<{ stock: number }>(m, `UPDATE market_item SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING stock`, [item.id, input.quantity]);
      if (taken.length === 0) {
        const [row] = await rows<{ stock: number }>(m, `SELECT stock FROM market_item WHERE id = $1`, [item.id]);
        throw badInput(
          `“${item.name}”库存${row.stock}件，不足${input.quantity}件：quantity = ${input.quantity}`,
          `“${item.name}” has ${row.stock} in stock, fewer than ${input.quantity}: quantity = ${input.quantity}`,
          { field: 'quantity', rule: 'STOCK_INSUFFICIENT', value: input.quantity, stock: row.stock },
        );
      }
      const id = randomUUID();
      await m.query(
        `INSERT INTO redemption (id, county_code, village_code, household_id, item_id, quantity, points, redeemed_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, countyCodeOf(item.villageCode), item.villageCode, input.householdId, item.id, input.quantity, cost, today, ctx.actor.id],
      );
      return Object.assign(await redemptionById(m, id), { balanceAfter: paid[0].balance, stockAfter: taken[0].stock });
    },
  );
}

async function redemptionById(db: Sql | EntityManager, id: string): Promise<Redemption> {
  const [r] = await rows<{ id: string; household_id: string; item_id: string; quantity: number; points: number; redeemed_on: string }>(
    db,
    `SELECT id::text AS id, household_id::text AS household_id, item_id::text AS item_id, quantity, points, to_char(redeemed_on, 'YYYY-MM-DD') AS redeemed_on FROM redemption WHERE id = $1`,
    [id],
  );
  if (!r) throw notFound('兑换记录', 'Redemption', id);
  return Object.assign(new Redemption(), { id: r.id, household: HouseholdRef.of(r.household_id), itemId: r.item_id, quantity: r.quantity, points: r.points, redeemedOn: r.redeemed_on, balanceAfter: null, stockAfter: null });
}
