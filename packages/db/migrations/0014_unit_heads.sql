-- Which post heads its unit (局长 of a bureau, 镇长 of a township, 主任 of the office): rules name
-- "涉及部门主要负责人" and "主办部门主要负责人", and the roster, not code, says who that is.
alter table posts add column heads_unit boolean not null default false;
