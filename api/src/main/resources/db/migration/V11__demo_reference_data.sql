-- Version 11: the reference data a permit is written from, as a permit engineer would check it (issue 10): the
-- management category each industry class gets under the classification catalogue, the tables of the emission
-- standards with their own limits (special emission limits and local standards are tables of their own, never a
-- factor applied to a national table), where special limits apply, the outlets an industry's permit has with how
-- each pollutant is monitored, the receiving waters of each province, the report obligations a category carries and
-- which divisions are grouping rows or central-city districts. Rows and reference tables only; the permit tables keep
-- their V9 shape.
--
-- Sources:
--   industry_management_category  固定污染源排污许可分类管理名录（2019年版）(MEE Order 11): the criterion of each
--                      category, abridged. A class the catalogue puts wholly under one category has one row.
--   emission_standard_limit  the limits of the tables named in emission_standard_table, as the standards print them
--                      (new-source / direct-discharge tables; special emission limit tables where the standard has
--                      them). Air limits are hourly means at the reference oxygen the standard sets; water limits
--                      daily means, pH per sample.
--   special_emission_limit_region  生态环境部公告 2018年第9号 (the 2+26 cities of the Beijing–Tianjin–Hebei air
--                      pollution transport corridor, air) and 环境保护部公告 2008年第28号 (Taihu basin, water).
--   industry_outlet_template / industry_outlet_pollutant  the outlets of a typical site by category, after the
--                      industries' permit technical specifications (HJ 942 ff.) and self-monitoring guides (HJ 819-2017
--                      and the industry guides: HJ 820 power and boilers, HJ 848 cement, HJ 878 iron and steel, HJ 821
--                      paper, HJ 880 refining, …). Frequencies as permits write them, a count per period; AUTOMATIC
--                      rows carry the manual frequency for outages (at least 4 samples a day, HJ 75 / HJ 355).
--                      Stormwater outlets are monitored when water flows, with no process limit.

-- ---------------------------------------------------------------------------------------------------------
-- Divisions: grouping rows (市辖区, 县, 省直辖县级行政区划) are no place a site or an authority can be; central-city
-- districts hold no heavy industry.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE region
    ADD COLUMN grouping boolean NOT NULL DEFAULT false,
    ADD COLUMN urban_core boolean NOT NULL DEFAULT false;
UPDATE region SET grouping = true
WHERE level = 2 AND name_zh IN ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划');
-- Old town centres (首都功能核心区 and the like) of the cities whose districts are listed.
UPDATE region SET urban_core = true WHERE code IN (
    '110101', '110102',                                             -- Beijing: 东城, 西城
    '120101', '120102', '120103', '120104', '120105', '120106',     -- Tianjin: 和平, 河东, 河西, 南开, 河北, 红桥
    '310101', '310104', '310105', '310106', '310107', '310109', '310110',  -- Shanghai: 黄浦 … 杨浦
    '320102', '320104', '320105', '320106',                         -- Nanjing: 玄武, 秦淮, 建邺, 鼓楼
    '320508',                                                       -- Suzhou: 姑苏
    '330102', '330105', '330106',                                   -- Hangzhou: 上城, 拱墅, 西湖
    '350203',                                                       -- Xiamen: 思明
    '370202', '370203',                                             -- Qingdao: 市南, 市北
    '420102', '420103', '420104', '420106',                         -- Wuhan: 江岸, 江汉, 硚口, 武昌
    '440103', '440104', '440105', '440106',                         -- Guangzhou: 荔湾, 越秀, 海珠, 天河
    '440303', '440304',                                             -- Shenzhen: 罗湖, 福田
    '500103',                                                       -- Chongqing: 渝中
    '510104', '510105', '510106', '510107', '510108',               -- Chengdu: 锦江, 青羊, 金牛, 武侯, 成华
    '610102', '610103', '610104',                                   -- Xi'an: 新城, 碑林, 莲湖
    '210202', '210203', '210204');                                  -- Dalian: 中山, 西岗, 沙河口

-- ---------------------------------------------------------------------------------------------------------
-- Industry classes added: classes where most units register (furniture, metal structures) and steel rolling.
-- ---------------------------------------------------------------------------------------------------------
INSERT INTO industry (code, section, name_zh, name_en) VALUES
    ('21', 'C', '家具制造业', 'Manufacture of furniture'),
    ('211', 'C', '木质家具制造', 'Manufacture of wooden furniture'),
    ('2110', 'C', '木质家具制造', 'Manufacture of wooden furniture'),
    ('313', 'C', '钢压延加工', 'Steel rolling'),
    ('3130', 'C', '钢压延加工', 'Steel rolling'),
    ('331', 'C', '结构性金属制品制造', 'Manufacture of structural metal products'),
    ('3311', 'C', '金属结构制造', 'Manufacture of metal structures');

-- Whether units of a class are found in central-city districts at all (heat supply is: boiler houses of district
-- heating); other classes are sited outside them.
ALTER TABLE industry ADD COLUMN urban_core_sited boolean NOT NULL DEFAULT false;
UPDATE industry SET urban_core_sited = true WHERE code = '4430';

-- ---------------------------------------------------------------------------------------------------------
-- Management category per class (固定污染源排污许可分类管理名录 2019年版)
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE industry_management_category (
    industry_code  varchar(4) COLLATE "C" NOT NULL REFERENCES industry (code) CHECK (length(industry_code) = 4),
    category       text NOT NULL CHECK (category IN ('KEY', 'SIMPLIFIED', 'REGISTRATION')),
    criterion_zh   text NOT NULL,
    criterion_en   text NOT NULL,
    PRIMARY KEY (industry_code, category)
);
INSERT INTO industry_management_category (industry_code, category, criterion_zh, criterion_en) VALUES
    ('0313', 'KEY', '设有污水排放口的规模化畜禽养殖场、养殖小区', 'Large-scale farms with a wastewater outlet'),
    ('0313', 'REGISTRATION', '无污水排放口的规模化畜禽养殖场、养殖小区，设有污水排放口的规模以下畜禽养殖场', 'Large-scale farms without a wastewater outlet; farms below scale with one'),
    ('1340', 'KEY', '日加工糖料能力1000吨及以上的原糖、成品糖或者精制糖生产', 'Sugar production processing 1,000 t/d of cane or beet or more'),
    ('1340', 'SIMPLIFIED', '日加工糖料能力1000吨以下的原糖、成品糖或者精制糖生产', 'Sugar production below 1,000 t/d'),
    ('1340', 'REGISTRATION', '其他', 'Others'),
    ('1391', 'KEY', '年加工能力15万吨玉米或者1.5万吨薯类及以上的淀粉生产', 'Starch from 150,000 t/a of maize or 15,000 t/a of tubers or more'),
    ('1391', 'SIMPLIFIED', '除重点管理以外的年加工能力1.5万吨及以上玉米、0.1万吨及以上薯类的淀粉生产', 'Other starch production from 15,000 t/a of maize or 1,000 t/a of tubers or more'),
    ('1391', 'REGISTRATION', '其他', 'Others'),
    ('1713', 'KEY', '有前处理、染色、印花、洗毛、麻脱胶、缫丝或者喷水织造工序的', 'With pre-treatment, dyeing, printing, wool scouring, degumming, reeling or water-jet weaving'),
    ('1713', 'REGISTRATION', '其他', 'Others'),
    ('1910', 'KEY', '有鞣制工序的', 'With a tanning process'),
    ('1910', 'SIMPLIFIED', '无鞣制工序的皮革加工', 'Leather processing without tanning'),
    ('1910', 'REGISTRATION', '其他', 'Others'),
    ('2110', 'KEY', '年使用10吨及以上溶剂型涂料（含稀释剂）的', 'Using 10 t/a or more of solvent-borne coatings (with thinners)'),
    ('2110', 'SIMPLIFIED', '年使用10吨以下溶剂型涂料（含稀释剂）或者20吨及以上水性涂料的', 'Using less than 10 t/a of solvent-borne coatings, or 20 t/a or more of water-borne coatings'),
    ('2110', 'REGISTRATION', '其他', 'Others'),
    ('2211', 'KEY', '全部', 'All'),
    ('2212', 'KEY', '全部', 'All'),
    ('2221', 'KEY', '有制浆工序（含废纸制浆）的', 'With pulping (recovered paper included)'),
    ('2221', 'SIMPLIFIED', '无制浆工序、有工业废水排放的', 'Without pulping, discharging industrial wastewater'),
    ('2511', 'KEY', '原油加工及石油制品制造', 'Crude oil processing and petroleum products'),
    ('2521', 'KEY', '炼焦（含半焦）', 'Coking (semi-coke included)'),
    ('2614', 'KEY', '有机化学原料制造（单纯混合或者分装的除外）', 'Organic chemical raw materials (mere mixing or packaging excepted)'),
    ('2614', 'REGISTRATION', '单纯混合或者分装的', 'Mere mixing or packaging'),
    ('2621', 'KEY', '氮肥制造（单纯混合或者分装的除外）', 'Nitrogen fertilisers (mere mixing or packaging excepted)'),
    ('2651', 'KEY', '初级形态塑料及合成树脂制造（单纯混合或者分装的除外）', 'Plastics in primary forms and resins (mere mixing or packaging excepted)'),
    ('2651', 'REGISTRATION', '单纯混合或者分装的', 'Mere mixing or packaging'),
    ('2710', 'KEY', '化学药品原料药制造（单纯混合或者分装的除外）', 'Chemical APIs (mere mixing or packaging excepted)'),
    ('2710', 'REGISTRATION', '单纯混合或者分装的', 'Mere mixing or packaging'),
    ('3011', 'KEY', '水泥（熟料）制造', 'Cement clinker production'),
    ('3011', 'SIMPLIFIED', '水泥粉磨站', 'Cement grinding stations'),
    ('3110', 'KEY', '全部（含烧结、球团）', 'All (sintering and pelletising included)'),
    ('3120', 'KEY', '全部', 'All'),
    ('3130', 'KEY', '年产50万吨及以上的冷轧', 'Cold rolling of 500,000 t/a or more'),
    ('3130', 'SIMPLIFIED', '热轧及年产50万吨以下的冷轧', 'Hot rolling, and cold rolling below 500,000 t/a'),
    ('3130', 'REGISTRATION', '其他', 'Others'),
    ('3216', 'KEY', '全部', 'All'),
    ('3311', 'KEY', '涉及通用工序重点管理的（年使用10吨及以上溶剂型涂料的涂装）', 'Where a common process is KEY (coating with 10 t/a or more of solvent-borne coatings)'),
    ('3311', 'SIMPLIFIED', '涉及通用工序简化管理的', 'Where a common process is SIMPLIFIED'),
    ('3311', 'REGISTRATION', '其他', 'Others'),
    ('3360', 'KEY', '有电镀工序、酸洗、抛光（电解抛光和化学抛光）、热浸镀（溶剂法）、淬火或者无铬钝化等工序的', 'With electroplating, pickling, electrolytic or chemical polishing, hot-dip (flux) coating, quenching or chromium-free passivation'),
    ('3360', 'REGISTRATION', '其他', 'Others'),
    ('4411', 'KEY', '火力发电', 'Thermal power generation'),
    ('4412', 'KEY', '热电联产', 'Combined heat and power'),
    ('4430', 'KEY', '单台或者合计出力20吨/小时（14兆瓦）及以上的锅炉（不含电热锅炉）', 'Boilers of 20 t/h (14 MW) or more, singly or together (electric boilers excepted)'),
    ('4430', 'SIMPLIFIED', '单台且合计出力20吨/小时（14兆瓦）以下的锅炉（不含电热锅炉和单台且合计出力1吨/小时及以下的天然气锅炉）', 'Boilers below 20 t/h (14 MW) (electric and natural-gas boilers of 1 t/h or less excepted)'),
    ('4430', 'REGISTRATION', '单台且合计出力1吨/小时（0.7兆瓦）及以下的天然气锅炉', 'Natural-gas boilers of 1 t/h (0.7 MW) or less'),
    ('4620', 'KEY', '工业废水集中处理场所，日处理能力2万吨及以上的城乡污水集中处理场所', 'Central industrial wastewater treatment; municipal plants of 20,000 t/d or more'),
    ('4620', 'SIMPLIFIED', '日处理能力500吨及以上2万吨以下的城乡污水集中处理场所', 'Municipal plants of 500 to 20,000 t/d'),
    ('4620', 'REGISTRATION', '日处理能力500吨以下的城乡污水集中处理场所', 'Municipal plants below 500 t/d');

-- ---------------------------------------------------------------------------------------------------------
-- Standards and their tables
-- ---------------------------------------------------------------------------------------------------------
INSERT INTO emission_standard (code, name_zh, name_en, medium, kind, issued_by) VALUES
    ('GB 28665-2012', '轧钢工业大气污染物排放标准', 'Emission standard of air pollutants for the steel rolling industry', 'AIR', 'NATIONAL', NULL),
    ('DB11/139-2015', '锅炉大气污染物排放标准（北京市地方标准）', 'Emission standard of air pollutants for boilers (Beijing local standard)', 'AIR', 'LOCAL', '110000'),
    ('DB11/890-2012', '城镇污水处理厂水污染物排放标准（北京市地方标准）', 'Discharge standard of water pollutants for municipal wastewater treatment plants (Beijing local standard)', 'WATER', 'LOCAL', '110000');

INSERT INTO emission_standard_table (standard_code, table_ref, medium, special, title_zh, title_en) VALUES
    ('GB 13223-2011', '表1', 'AIR', false, '火力发电锅炉及燃气轮机组大气污染物排放浓度限值', 'Concentration limits for thermal power boilers and gas turbines'),
    ('GB 13223-2011', '表2', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 13271-2014', '表2', 'AIR', false, '新建锅炉大气污染物排放浓度限值', 'Concentration limits for new boilers'),
    ('GB 13271-2014', '表3', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('DB11/139-2015', '表1', 'AIR', false, '新建锅炉大气污染物排放限值', 'Limits for new boilers'),
    ('GB 4915-2013', '表1', 'AIR', false, '现有与新建企业大气污染物排放限值', 'Limits for existing and new plants'),
    ('GB 4915-2013', '表2', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 28662-2012', '表2', 'AIR', false, '新建企业大气污染物排放浓度限值', 'Concentration limits for new plants'),
    ('GB 28662-2012', '表3', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 28663-2012', '表2', 'AIR', false, '新建企业大气污染物排放浓度限值', 'Concentration limits for new plants'),
    ('GB 28663-2012', '表3', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 28664-2012', '表2', 'AIR', false, '新建企业大气污染物排放浓度限值', 'Concentration limits for new plants'),
    ('GB 28664-2012', '表3', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 28665-2012', '表2', 'AIR', false, '新建企业大气污染物排放浓度限值', 'Concentration limits for new plants'),
    ('GB 28665-2012', '表3', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 13456-2012', '表2', 'WATER', false, '新建企业水污染物排放浓度限值', 'Concentration limits for new plants'),
    ('GB 3544-2008', '表2', 'WATER', false, '新建企业水污染物排放限值', 'Limits for new plants'),
    ('GB 3544-2008', '表3', 'WATER', true, '水污染物特别排放限值', 'Special discharge limits'),
    ('GB 31570-2015', '表1', 'WATER', false, '水污染物排放限值', 'Water pollutant discharge limits'),
    ('GB 31570-2015', '表3', 'AIR', false, '大气污染物排放限值', 'Air pollutant emission limits'),
    ('GB 31570-2015', '表4', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 31571-2015', '表1', 'WATER', false, '水污染物排放限值', 'Water pollutant discharge limits'),
    ('GB 31571-2015', '表4', 'AIR', false, '大气污染物排放限值', 'Air pollutant emission limits'),
    ('GB 31571-2015', '表5', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 31572-2015', '表1', 'WATER', false, '水污染物排放限值', 'Water pollutant discharge limits'),
    ('GB 31572-2015', '表4', 'AIR', false, '大气污染物排放限值', 'Air pollutant emission limits'),
    ('GB 31572-2015', '表5', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 16171-2012', '表2', 'WATER', false, '新建企业水污染物排放浓度限值', 'Concentration limits for new plants (water)'),
    ('GB 16171-2012', '表5', 'AIR', false, '新建企业大气污染物排放浓度限值', 'Concentration limits for new plants (air)'),
    ('GB 16171-2012', '表6', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 13458-2013', '表2', 'WATER', false, '新建企业水污染物排放浓度限值', 'Concentration limits for new plants'),
    ('GB 21904-2008', '表2', 'WATER', false, '新建企业水污染物排放限值', 'Limits for new plants'),
    ('GB 37823-2019', '表1', 'AIR', false, '发酵尾气及其他制药工艺废气大气污染物排放限值', 'Limits for fermentation off-gas and other process exhaust'),
    ('GB 37823-2019', '表2', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 4287-2012', '表2', 'WATER', false, '新建企业水污染物排放浓度限值', 'Concentration limits for new plants'),
    ('GB 30486-2013', '表2', 'WATER', false, '新建企业水污染物排放限值', 'Limits for new plants'),
    ('GB 25465-2010', '表5', 'AIR', false, '新建企业大气污染物排放浓度限值', 'Concentration limits for new plants'),
    ('GB 25465-2010', '表6', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits'),
    ('GB 21900-2008', '表2', 'WATER', false, '新建企业水污染物排放限值', 'Limits for new plants (water)'),
    ('GB 21900-2008', '表3', 'WATER', true, '水污染物特别排放限值', 'Special discharge limits'),
    ('GB 21900-2008', '表5', 'AIR', false, '新建企业大气污染物排放限值', 'Limits for new plants (air)'),
    ('GB 18918-2002', '表1 一级A', 'WATER', false, '基本控制项目最高允许排放浓度（日均值），一级标准A标准', 'Basic items, daily means: grade 1 A'),
    ('GB 18918-2002', '表1 一级B', 'WATER', false, '基本控制项目最高允许排放浓度（日均值），一级标准B标准', 'Basic items, daily means: grade 1 B'),
    ('DB11/890-2012', '表1 A标准', 'WATER', false, '新（改、扩）建城镇污水处理厂基本控制项目排放限值，A标准', 'New plants, basic items: A'),
    ('DB11/890-2012', '表1 B标准', 'WATER', false, '新（改、扩）建城镇污水处理厂基本控制项目排放限值，B标准', 'New plants, basic items: B'),
    ('GB 18596-2001', '表5', 'WATER', false, '集约化畜禽养殖业水污染物最高允许日均排放浓度', 'Maximum daily mean concentrations for intensive livestock farms'),
    ('GB 21909-2008', '表2', 'WATER', false, '新建企业水污染物排放限值', 'Limits for new plants'),
    ('GB 21909-2008', '表3', 'WATER', true, '水污染物特别排放限值', 'Special discharge limits'),
    ('GB 25461-2010', '表2', 'WATER', false, '新建企业水污染物排放限值', 'Limits for new plants'),
    ('GB 25461-2010', '表3', 'WATER', true, '水污染物特别排放限值', 'Special discharge limits'),
    ('GB 16297-1996', '表2', 'AIR', false, '新污染源大气污染物排放限值', 'Limits for new sources'),
    ('GB 8978-1996', '表1', 'WATER', false, '第一类污染物最高允许排放浓度', 'Class I pollutants: maximum concentrations'),
    ('GB 8978-1996', '表4 一级', 'WATER', false, '第二类污染物最高允许排放浓度（1998年1月1日后建设的单位），一级标准', 'Class II pollutants, units built from 1998: grade 1');

-- The kind of source a limit is set for, as the standard's table names its rows.
CREATE TABLE emission_source (
    code     text PRIMARY KEY,
    medium   text NOT NULL CHECK (medium IN ('AIR', 'WATER')),
    name_zh  text NOT NULL,
    name_en  text NOT NULL
);
INSERT INTO emission_source (code, medium, name_zh, name_en) VALUES
    ('POWER_COAL_BOILER', 'AIR', '燃煤锅炉（火电厂）', 'Coal-fired boiler (power plant)'),
    ('COAL_BOILER', 'AIR', '燃煤锅炉', 'Coal-fired boiler'),
    ('GAS_BOILER', 'AIR', '燃气锅炉', 'Gas-fired boiler'),
    ('KILN_TAIL', 'AIR', '水泥窑及窑尾余热利用系统', 'Cement kiln and kiln-tail waste-heat system'),
    ('CEMENT_DRYER_COOLER', 'AIR', '烘干机、烘干磨、煤磨及冷却机', 'Dryers, drying mills, coal mills and clinker coolers'),
    ('CEMENT_VENT', 'AIR', '破碎机、磨机、包装机及其他通风生产设备', 'Crushers, mills, packers and other ventilated equipment'),
    ('SINTER_HEAD', 'AIR', '烧结机机头、球团焙烧设备', 'Sinter strand head, pellet induration'),
    ('SINTER_TAIL', 'AIR', '烧结机机尾、带式焙烧机机尾、其他生产设备', 'Sinter strand tail and other equipment'),
    ('BF_HOT_STOVE', 'AIR', '热风炉', 'Blast-furnace hot stoves'),
    ('BF_DUST', 'AIR', '原料系统、煤粉系统、高炉出铁场、其他生产设施', 'Raw materials, coal injection, cast house and other equipment'),
    ('BOF_SECONDARY', 'AIR', '混铁炉及铁水预处理、转炉（二次烟气）、电炉、精炼炉', 'Hot-metal pre-treatment, converter secondary gas, electric arc and ladle furnaces'),
    ('STEEL_LIME_KILN', 'AIR', '石灰窑、白云石窑焙烧', 'Lime and dolomite kilns'),
    ('ROLLING_FURNACE', 'AIR', '热处理炉', 'Reheating and heat-treatment furnaces'),
    ('ROLLING_PICKLING', 'AIR', '酸洗机组', 'Pickling lines'),
    ('COKE_OVEN_STACK', 'AIR', '焦炉烟囱（机焦、半焦炉）', 'Coke-oven stack'),
    ('COKE_CHARGING', 'AIR', '装煤', 'Coal charging'),
    ('COKE_PUSHING', 'AIR', '推焦', 'Coke pushing'),
    ('COKE_SCREENING', 'AIR', '精煤破碎、焦炭破碎、筛分及转运', 'Coal and coke crushing, screening and transfer'),
    ('REFINERY_HEATER', 'AIR', '工艺加热炉', 'Process heaters'),
    ('REFINERY_FCC', 'AIR', '催化裂化催化剂再生烟气', 'FCC catalyst regenerator flue gas'),
    ('REFINERY_SRU', 'AIR', '酸性气回收装置', 'Sulphur recovery units'),
    ('REFINERY_VOC', 'AIR', '废水处理有机废气收集处理装置', 'Wastewater-treatment VOC collection and treatment'),
    ('PETROCHEM_HEATER', 'AIR', '工艺加热炉', 'Process heaters'),
    ('RESIN_VOC', 'AIR', '合成树脂有机废气', 'Resin production VOC exhaust'),
    ('RESIN_DUST', 'AIR', '合成树脂干燥、包装等含尘废气', 'Resin drying and packing dust'),
    ('PHARMA_PROCESS', 'AIR', '发酵尾气及其他制药工艺废气', 'Fermentation off-gas and other pharmaceutical process exhaust'),
    ('ALUMINIUM_POTLINE', 'AIR', '电解槽烟气净化', 'Potline fume treatment'),
    ('PLATING_ACID', 'AIR', '电镀工艺废气', 'Electroplating process exhaust'),
    ('GENERAL_DUST', 'AIR', '颗粒物（其他）', 'Particulate matter (other sources)'),
    ('GENERAL_VOC', 'AIR', '有机废气（溶剂使用）', 'Organic solvent exhaust'),
    ('INTEGRATED_WW', 'WATER', '第二类污染物（其他排污单位）', 'Class II pollutants (other dischargers)'),
    ('INTEGRATED_FIRST_CLASS', 'WATER', '第一类污染物（车间或车间处理设施排放口）', 'Class I pollutants (workshop outlets)'),
    ('STEEL_WW', 'WATER', '钢铁企业废水总排放口', 'Iron and steel total outlet'),
    ('STEEL_WORKSHOP', 'WATER', '钢铁企业车间或生产设施废水排放口', 'Iron and steel workshop outlets'),
    ('PULP_WW', 'WATER', '制浆企业', 'Pulp mills'),
    ('PAPER_WW', 'WATER', '造纸企业', 'Paper mills'),
    ('REFINERY_WW', 'WATER', '石油炼制企业', 'Refineries'),
    ('PETROCHEM_WW', 'WATER', '石油化学工业企业', 'Petrochemical plants'),
    ('RESIN_WW', 'WATER', '合成树脂企业', 'Resin plants'),
    ('COKING_WW', 'WATER', '炼焦化学企业', 'Coking plants'),
    ('NFERT_WW', 'WATER', '合成氨企业', 'Ammonia plants'),
    ('PHARMA_WW', 'WATER', '化学合成类制药企业', 'Chemical-synthesis pharmaceutical plants'),
    ('DYEING_WW', 'WATER', '纺织染整企业', 'Textile dyeing and finishing'),
    ('TANNING_WW', 'WATER', '制革企业', 'Tanneries'),
    ('TANNING_WORKSHOP', 'WATER', '制革企业车间或生产设施废水排放口', 'Tannery workshop outlets'),
    ('PLATING_WW', 'WATER', '电镀企业', 'Electroplating plants'),
    ('PLATING_CR_WORKSHOP', 'WATER', '电镀企业含铬废水车间或生产设施排放口', 'Electroplating chromium workshop outlets'),
    ('PLATING_NI_WORKSHOP', 'WATER', '电镀企业含镍废水车间或生产设施排放口', 'Electroplating nickel workshop outlets'),
    ('WWTP', 'WATER', '城镇污水处理厂', 'Municipal wastewater treatment plants'),
    ('LIVESTOCK_WW', 'WATER', '集约化畜禽养殖场', 'Intensive livestock farms'),
    ('SUGAR_WW', 'WATER', '制糖企业', 'Sugar mills'),
    ('STARCH_WW', 'WATER', '淀粉企业', 'Starch plants'),
    ('STORMWATER', 'WATER', '雨水', 'Stormwater');

-- A table's limit for one pollutant from one kind of source: an upper bound, a lower bound where the standard gives a
-- range (pH 6–9), the value it applies to and, for air, the reference oxygen content.
CREATE TABLE emission_standard_limit (
    standard_code         text NOT NULL,
    table_ref             text NOT NULL,
    source                text NOT NULL REFERENCES emission_source (code),
    pollutant_code        varchar(6) COLLATE "C" NOT NULL REFERENCES pollutant (code),
    limit_min             numeric(12, 4),
    limit_value           numeric(12, 4) NOT NULL,
    unit                  text NOT NULL,
    averaging             text NOT NULL CHECK (averaging IN ('HOURLY', 'DAILY', 'SAMPLE')),
    reference_oxygen_pct  numeric(4, 1) CHECK (reference_oxygen_pct > 0 AND reference_oxygen_pct < 21),
    PRIMARY KEY (standard_code, table_ref, source, pollutant_code),
    FOREIGN KEY (standard_code, table_ref) REFERENCES emission_standard_table (standard_code, table_ref),
    CHECK (limit_min IS NULL OR limit_min <= limit_value)
);
INSERT INTO emission_standard_limit (standard_code, table_ref, source, pollutant_code, limit_min, limit_value, unit,
                                     averaging, reference_oxygen_pct)
SELECT l.std, l.tbl, l.src, l.pol, l.lo, l.hi, p.unit,
       CASE WHEN p.medium = 'AIR' THEN 'HOURLY' WHEN l.pol = 'w01001' THEN 'SAMPLE' ELSE 'DAILY' END, l.o2
FROM (VALUES
    -- GB 13223-2011 火电厂: coal-fired boilers at 6 % O2
    ('GB 13223-2011', '表1', 'POWER_COAL_BOILER', 'a34013', NULL, 30, 6.0),
    ('GB 13223-2011', '表1', 'POWER_COAL_BOILER', 'a21026', NULL, 100, 6.0),
    ('GB 13223-2011', '表1', 'POWER_COAL_BOILER', 'a21002', NULL, 100, 6.0),
    ('GB 13223-2011', '表1', 'POWER_COAL_BOILER', 'a20057', NULL, 0.03, 6.0),
    ('GB 13223-2011', '表2', 'POWER_COAL_BOILER', 'a34013', NULL, 20, 6.0),
    ('GB 13223-2011', '表2', 'POWER_COAL_BOILER', 'a21026', NULL, 50, 6.0),
    ('GB 13223-2011', '表2', 'POWER_COAL_BOILER', 'a21002', NULL, 100, 6.0),
    ('GB 13223-2011', '表2', 'POWER_COAL_BOILER', 'a20057', NULL, 0.03, 6.0),
    -- GB 13271-2014 锅炉: coal 9 % O2, gas 3.5 %
    ('GB 13271-2014', '表2', 'COAL_BOILER', 'a34013', NULL, 50, 9.0),
    ('GB 13271-2014', '表2', 'COAL_BOILER', 'a21026', NULL, 300, 9.0),
    ('GB 13271-2014', '表2', 'COAL_BOILER', 'a21002', NULL, 300, 9.0),
    ('GB 13271-2014', '表2', 'COAL_BOILER', 'a20057', NULL, 0.05, 9.0),
    ('GB 13271-2014', '表3', 'COAL_BOILER', 'a34013', NULL, 30, 9.0),
    ('GB 13271-2014', '表3', 'COAL_BOILER', 'a21026', NULL, 200, 9.0),
    ('GB 13271-2014', '表3', 'COAL_BOILER', 'a21002', NULL, 200, 9.0),
    ('GB 13271-2014', '表3', 'COAL_BOILER', 'a20057', NULL, 0.05, 9.0),
    ('GB 13271-2014', '表2', 'GAS_BOILER', 'a34013', NULL, 20, 3.5),
    ('GB 13271-2014', '表2', 'GAS_BOILER', 'a21026', NULL, 50, 3.5),
    ('GB 13271-2014', '表2', 'GAS_BOILER', 'a21002', NULL, 200, 3.5),
    ('GB 13271-2014', '表3', 'GAS_BOILER', 'a34013', NULL, 20, 3.5),
    ('GB 13271-2014', '表3', 'GAS_BOILER', 'a21026', NULL, 50, 3.5),
    ('GB 13271-2014', '表3', 'GAS_BOILER', 'a21002', NULL, 150, 3.5),
    -- DB11/139-2015 北京: new boilers (NOx from 2017-04-01)
    ('DB11/139-2015', '表1', 'GAS_BOILER', 'a34013', NULL, 5, 3.5),
    ('DB11/139-2015', '表1', 'GAS_BOILER', 'a21026', NULL, 10, 3.5),
    ('DB11/139-2015', '表1', 'GAS_BOILER', 'a21002', NULL, 30, 3.5),
    -- GB 4915-2013 水泥: kilns at 10 % O2
    ('GB 4915-2013', '表1', 'KILN_TAIL', 'a34013', NULL, 30, 10.0),
    ('GB 4915-2013', '表1', 'KILN_TAIL', 'a21026', NULL, 200, 10.0),
    ('GB 4915-2013', '表1', 'KILN_TAIL', 'a21002', NULL, 400, 10.0),
    ('GB 4915-2013', '表1', 'KILN_TAIL', 'a21018', NULL, 5, 10.0),
    ('GB 4915-2013', '表1', 'KILN_TAIL', 'a20057', NULL, 0.05, 10.0),
    ('GB 4915-2013', '表1', 'KILN_TAIL', 'a21001', NULL, 10, 10.0),
    ('GB 4915-2013', '表2', 'KILN_TAIL', 'a34013', NULL, 20, 10.0),
    ('GB 4915-2013', '表2', 'KILN_TAIL', 'a21026', NULL, 100, 10.0),
    ('GB 4915-2013', '表2', 'KILN_TAIL', 'a21002', NULL, 320, 10.0),
    ('GB 4915-2013', '表2', 'KILN_TAIL', 'a21018', NULL, 3, 10.0),
    ('GB 4915-2013', '表2', 'KILN_TAIL', 'a20057', NULL, 0.05, 10.0),
    ('GB 4915-2013', '表2', 'KILN_TAIL', 'a21001', NULL, 8, 10.0),
    ('GB 4915-2013', '表1', 'CEMENT_DRYER_COOLER', 'a34013', NULL, 30, NULL),
    ('GB 4915-2013', '表2', 'CEMENT_DRYER_COOLER', 'a34013', NULL, 20, NULL),
    ('GB 4915-2013', '表1', 'CEMENT_VENT', 'a34013', NULL, 20, NULL),
    ('GB 4915-2013', '表2', 'CEMENT_VENT', 'a34013', NULL, 10, NULL),
    -- GB 28662-2012 烧结、球团: sinter head at 16 % O2
    ('GB 28662-2012', '表2', 'SINTER_HEAD', 'a34013', NULL, 50, 16.0),
    ('GB 28662-2012', '表2', 'SINTER_HEAD', 'a21026', NULL, 200, 16.0),
    ('GB 28662-2012', '表2', 'SINTER_HEAD', 'a21002', NULL, 300, 16.0),
    ('GB 28662-2012', '表2', 'SINTER_HEAD', 'a21018', NULL, 4.0, 16.0),
    ('GB 28662-2012', '表3', 'SINTER_HEAD', 'a34013', NULL, 40, 16.0),
    ('GB 28662-2012', '表3', 'SINTER_HEAD', 'a21026', NULL, 180, 16.0),
    ('GB 28662-2012', '表3', 'SINTER_HEAD', 'a21002', NULL, 300, 16.0),
    ('GB 28662-2012', '表3', 'SINTER_HEAD', 'a21018', NULL, 4.0, 16.0),
    ('GB 28662-2012', '表2', 'SINTER_TAIL', 'a34013', NULL, 30, NULL),
    ('GB 28662-2012', '表3', 'SINTER_TAIL', 'a34013', NULL, 20, NULL),
    -- GB 28663-2012 炼铁
    ('GB 28663-2012', '表2', 'BF_HOT_STOVE', 'a34013', NULL, 20, NULL),
    ('GB 28663-2012', '表2', 'BF_HOT_STOVE', 'a21026', NULL, 100, NULL),
    ('GB 28663-2012', '表2', 'BF_HOT_STOVE', 'a21002', NULL, 300, NULL),
    ('GB 28663-2012', '表3', 'BF_HOT_STOVE', 'a34013', NULL, 15, NULL),
    ('GB 28663-2012', '表3', 'BF_HOT_STOVE', 'a21026', NULL, 100, NULL),
    ('GB 28663-2012', '表3', 'BF_HOT_STOVE', 'a21002', NULL, 300, NULL),
    ('GB 28663-2012', '表2', 'BF_DUST', 'a34013', NULL, 25, NULL),
    ('GB 28663-2012', '表3', 'BF_DUST', 'a34013', NULL, 15, NULL),
    -- GB 28664-2012 炼钢
    ('GB 28664-2012', '表2', 'BOF_SECONDARY', 'a34013', NULL, 20, NULL),
    ('GB 28664-2012', '表3', 'BOF_SECONDARY', 'a34013', NULL, 15, NULL),
    ('GB 28664-2012', '表2', 'STEEL_LIME_KILN', 'a34013', NULL, 30, NULL),
    ('GB 28664-2012', '表3', 'STEEL_LIME_KILN', 'a34013', NULL, 30, NULL),
    -- GB 28665-2012 轧钢: furnaces at 8 % O2
    ('GB 28665-2012', '表2', 'ROLLING_FURNACE', 'a34013', NULL, 20, 8.0),
    ('GB 28665-2012', '表2', 'ROLLING_FURNACE', 'a21026', NULL, 150, 8.0),
    ('GB 28665-2012', '表2', 'ROLLING_FURNACE', 'a21002', NULL, 300, 8.0),
    ('GB 28665-2012', '表3', 'ROLLING_FURNACE', 'a34013', NULL, 15, 8.0),
    ('GB 28665-2012', '表3', 'ROLLING_FURNACE', 'a21026', NULL, 150, 8.0),
    ('GB 28665-2012', '表3', 'ROLLING_FURNACE', 'a21002', NULL, 300, 8.0),
    ('GB 28665-2012', '表2', 'ROLLING_PICKLING', 'a21024', NULL, 20, NULL),
    ('GB 28665-2012', '表2', 'ROLLING_PICKLING', 'a34039', NULL, 10, NULL),
    ('GB 28665-2012', '表3', 'ROLLING_PICKLING', 'a21024', NULL, 15, NULL),
    ('GB 28665-2012', '表3', 'ROLLING_PICKLING', 'a34039', NULL, 10, NULL),
    -- GB 16171-2012 炼焦化学: coke-oven stack at 8 % O2
    ('GB 16171-2012', '表5', 'COKE_OVEN_STACK', 'a34013', NULL, 30, 8.0),
    ('GB 16171-2012', '表5', 'COKE_OVEN_STACK', 'a21026', NULL, 50, 8.0),
    ('GB 16171-2012', '表5', 'COKE_OVEN_STACK', 'a21002', NULL, 500, 8.0),
    ('GB 16171-2012', '表6', 'COKE_OVEN_STACK', 'a34013', NULL, 15, 8.0),
    ('GB 16171-2012', '表6', 'COKE_OVEN_STACK', 'a21026', NULL, 30, 8.0),
    ('GB 16171-2012', '表6', 'COKE_OVEN_STACK', 'a21002', NULL, 150, 8.0),
    ('GB 16171-2012', '表5', 'COKE_CHARGING', 'a34013', NULL, 50, NULL),
    ('GB 16171-2012', '表5', 'COKE_CHARGING', 'a21026', NULL, 100, NULL),
    ('GB 16171-2012', '表6', 'COKE_CHARGING', 'a34013', NULL, 30, NULL),
    ('GB 16171-2012', '表6', 'COKE_CHARGING', 'a21026', NULL, 70, NULL),
    ('GB 16171-2012', '表5', 'COKE_PUSHING', 'a34013', NULL, 50, NULL),
    ('GB 16171-2012', '表5', 'COKE_PUSHING', 'a21026', NULL, 50, NULL),
    ('GB 16171-2012', '表6', 'COKE_PUSHING', 'a34013', NULL, 30, NULL),
    ('GB 16171-2012', '表6', 'COKE_PUSHING', 'a21026', NULL, 30, NULL),
    ('GB 16171-2012', '表5', 'COKE_SCREENING', 'a34013', NULL, 30, NULL),
    ('GB 16171-2012', '表6', 'COKE_SCREENING', 'a34013', NULL, 15, NULL),
    -- GB 31570-2015 石油炼制: heaters at 3 % O2
    ('GB 31570-2015', '表3', 'REFINERY_HEATER', 'a34013', NULL, 20, 3.0),
    ('GB 31570-2015', '表3', 'REFINERY_HEATER', 'a21026', NULL, 100, 3.0),
    ('GB 31570-2015', '表3', 'REFINERY_HEATER', 'a21002', NULL, 150, 3.0),
    ('GB 31570-2015', '表4', 'REFINERY_HEATER', 'a34013', NULL, 20, 3.0),
    ('GB 31570-2015', '表4', 'REFINERY_HEATER', 'a21026', NULL, 50, 3.0),
    ('GB 31570-2015', '表4', 'REFINERY_HEATER', 'a21002', NULL, 100, 3.0),
    ('GB 31570-2015', '表3', 'REFINERY_FCC', 'a34013', NULL, 50, NULL),
    ('GB 31570-2015', '表3', 'REFINERY_FCC', 'a21026', NULL, 100, NULL),
    ('GB 31570-2015', '表3', 'REFINERY_FCC', 'a21002', NULL, 200, NULL),
    ('GB 31570-2015', '表4', 'REFINERY_FCC', 'a34013', NULL, 30, NULL),
    ('GB 31570-2015', '表4', 'REFINERY_FCC', 'a21026', NULL, 50, NULL),
    ('GB 31570-2015', '表4', 'REFINERY_FCC', 'a21002', NULL, 100, NULL),
    ('GB 31570-2015', '表3', 'REFINERY_SRU', 'a21026', NULL, 400, NULL),
    ('GB 31570-2015', '表4', 'REFINERY_SRU', 'a21026', NULL, 100, NULL),
    ('GB 31570-2015', '表3', 'REFINERY_VOC', 'a24088', NULL, 120, NULL),
    ('GB 31570-2015', '表4', 'REFINERY_VOC', 'a24088', NULL, 120, NULL),
    -- GB 31571-2015 石油化学: heaters at 3 % O2
    ('GB 31571-2015', '表4', 'PETROCHEM_HEATER', 'a34013', NULL, 20, 3.0),
    ('GB 31571-2015', '表4', 'PETROCHEM_HEATER', 'a21026', NULL, 100, 3.0),
    ('GB 31571-2015', '表4', 'PETROCHEM_HEATER', 'a21002', NULL, 150, 3.0),
    ('GB 31571-2015', '表5', 'PETROCHEM_HEATER', 'a34013', NULL, 20, 3.0),
    ('GB 31571-2015', '表5', 'PETROCHEM_HEATER', 'a21026', NULL, 50, 3.0),
    ('GB 31571-2015', '表5', 'PETROCHEM_HEATER', 'a21002', NULL, 100, 3.0),
    -- GB 31572-2015 合成树脂
    ('GB 31572-2015', '表4', 'RESIN_VOC', 'a24088', NULL, 100, NULL),
    ('GB 31572-2015', '表5', 'RESIN_VOC', 'a24088', NULL, 60, NULL),
    ('GB 31572-2015', '表4', 'RESIN_DUST', 'a34013', NULL, 30, NULL),
    ('GB 31572-2015', '表5', 'RESIN_DUST', 'a34013', NULL, 20, NULL),
    -- GB 37823-2019 制药
    ('GB 37823-2019', '表1', 'PHARMA_PROCESS', 'a24088', NULL, 100, NULL),
    ('GB 37823-2019', '表2', 'PHARMA_PROCESS', 'a24088', NULL, 60, NULL),
    -- GB 25465-2010 铝工业
    ('GB 25465-2010', '表5', 'ALUMINIUM_POTLINE', 'a34013', NULL, 20, NULL),
    ('GB 25465-2010', '表5', 'ALUMINIUM_POTLINE', 'a21026', NULL, 200, NULL),
    ('GB 25465-2010', '表5', 'ALUMINIUM_POTLINE', 'a21018', NULL, 3.0, NULL),
    ('GB 25465-2010', '表6', 'ALUMINIUM_POTLINE', 'a34013', NULL, 10, NULL),
    ('GB 25465-2010', '表6', 'ALUMINIUM_POTLINE', 'a21026', NULL, 100, NULL),
    ('GB 25465-2010', '表6', 'ALUMINIUM_POTLINE', 'a21018', NULL, 3.0, NULL),
    -- GB 21900-2008 电镀 (air)
    ('GB 21900-2008', '表5', 'PLATING_ACID', 'a21024', NULL, 30, NULL),
    ('GB 21900-2008', '表5', 'PLATING_ACID', 'a34039', NULL, 30, NULL),
    -- GB 16297-1996 综合: new sources
    ('GB 16297-1996', '表2', 'GENERAL_DUST', 'a34013', NULL, 120, NULL),
    ('GB 16297-1996', '表2', 'GENERAL_VOC', 'a34013', NULL, 120, NULL),
    ('GB 16297-1996', '表2', 'GENERAL_VOC', 'a24088', NULL, 120, NULL),
    ('GB 16297-1996', '表2', 'GENERAL_VOC', 'a25002', NULL, 12, NULL),
    ('GB 16297-1996', '表2', 'GENERAL_VOC', 'a25003', NULL, 40, NULL),
    ('GB 16297-1996', '表2', 'GENERAL_VOC', 'a25005', NULL, 70, NULL),
    -- GB 8978-1996 污水综合
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w01001', 6, 9, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w01012', NULL, 70, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w01017', NULL, 20, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w01018', NULL, 100, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w22001', NULL, 5, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w23002', NULL, 0.5, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w21019', NULL, 1.0, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w21003', NULL, 15, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w21017', NULL, 10, NULL),
    ('GB 8978-1996', '表4 一级', 'INTEGRATED_WW', 'w21011', NULL, 0.5, NULL),
    ('GB 8978-1996', '表1', 'INTEGRATED_FIRST_CLASS', 'w20111', NULL, 0.05, NULL),
    ('GB 8978-1996', '表1', 'INTEGRATED_FIRST_CLASS', 'w20115', NULL, 0.1, NULL),
    ('GB 8978-1996', '表1', 'INTEGRATED_FIRST_CLASS', 'w20116', NULL, 1.5, NULL),
    ('GB 8978-1996', '表1', 'INTEGRATED_FIRST_CLASS', 'w20119', NULL, 0.5, NULL),
    ('GB 8978-1996', '表1', 'INTEGRATED_FIRST_CLASS', 'w20120', NULL, 1.0, NULL),
    -- GB 13456-2012 钢铁 (water): direct discharge
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w01001', 6, 9, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w01012', NULL, 30, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w01018', NULL, 50, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w21003', NULL, 5, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w21001', NULL, 15, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w21011', NULL, 0.5, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w22001', NULL, 3, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w23002', NULL, 0.5, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w21017', NULL, 10, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WW', 'w20123', NULL, 2.0, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WORKSHOP', 'w20116', NULL, 1.5, NULL),
    ('GB 13456-2012', '表2', 'STEEL_WORKSHOP', 'w20117', NULL, 0.5, NULL),
    -- GB 3544-2008 制浆造纸
    ('GB 3544-2008', '表2', 'PULP_WW', 'w01001', 6, 9, NULL),
    ('GB 3544-2008', '表2', 'PULP_WW', 'w01012', NULL, 50, NULL),
    ('GB 3544-2008', '表2', 'PULP_WW', 'w01017', NULL, 20, NULL),
    ('GB 3544-2008', '表2', 'PULP_WW', 'w01018', NULL, 100, NULL),
    ('GB 3544-2008', '表2', 'PULP_WW', 'w21003', NULL, 12, NULL),
    ('GB 3544-2008', '表2', 'PULP_WW', 'w21001', NULL, 15, NULL),
    ('GB 3544-2008', '表2', 'PULP_WW', 'w21011', NULL, 0.8, NULL),
    ('GB 3544-2008', '表2', 'PAPER_WW', 'w01001', 6, 9, NULL),
    ('GB 3544-2008', '表2', 'PAPER_WW', 'w01012', NULL, 30, NULL),
    ('GB 3544-2008', '表2', 'PAPER_WW', 'w01017', NULL, 20, NULL),
    ('GB 3544-2008', '表2', 'PAPER_WW', 'w01018', NULL, 80, NULL),
    ('GB 3544-2008', '表2', 'PAPER_WW', 'w21003', NULL, 8, NULL),
    ('GB 3544-2008', '表2', 'PAPER_WW', 'w21001', NULL, 12, NULL),
    ('GB 3544-2008', '表2', 'PAPER_WW', 'w21011', NULL, 0.8, NULL),
    ('GB 3544-2008', '表3', 'PULP_WW', 'w01001', 6, 9, NULL),
    ('GB 3544-2008', '表3', 'PULP_WW', 'w01012', NULL, 10, NULL),
    ('GB 3544-2008', '表3', 'PULP_WW', 'w01017', NULL, 10, NULL),
    ('GB 3544-2008', '表3', 'PULP_WW', 'w01018', NULL, 50, NULL),
    ('GB 3544-2008', '表3', 'PULP_WW', 'w21003', NULL, 5, NULL),
    ('GB 3544-2008', '表3', 'PULP_WW', 'w21001', NULL, 10, NULL),
    ('GB 3544-2008', '表3', 'PULP_WW', 'w21011', NULL, 0.5, NULL),
    ('GB 3544-2008', '表3', 'PAPER_WW', 'w01001', 6, 9, NULL),
    ('GB 3544-2008', '表3', 'PAPER_WW', 'w01012', NULL, 10, NULL),
    ('GB 3544-2008', '表3', 'PAPER_WW', 'w01017', NULL, 10, NULL),
    ('GB 3544-2008', '表3', 'PAPER_WW', 'w01018', NULL, 50, NULL),
    ('GB 3544-2008', '表3', 'PAPER_WW', 'w21003', NULL, 5, NULL),
    ('GB 3544-2008', '表3', 'PAPER_WW', 'w21001', NULL, 10, NULL),
    ('GB 3544-2008', '表3', 'PAPER_WW', 'w21011', NULL, 0.5, NULL),
    -- GB 31570 / 31571 / 31572-2015 (water): direct discharge
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w01001', 6, 9, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w01012', NULL, 70, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w01018', NULL, 60, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w01017', NULL, 20, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w21003', NULL, 8, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w21001', NULL, 40, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w21011', NULL, 1.0, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w22001', NULL, 5.0, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w21019', NULL, 1.0, NULL),
    ('GB 31570-2015', '表1', 'REFINERY_WW', 'w23002', NULL, 0.5, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w01001', 6, 9, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w01012', NULL, 70, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w01018', NULL, 60, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w21003', NULL, 8, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w21001', NULL, 40, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w21011', NULL, 1.0, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w22001', NULL, 5.0, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w21019', NULL, 1.0, NULL),
    ('GB 31571-2015', '表1', 'PETROCHEM_WW', 'w23002', NULL, 0.5, NULL),
    ('GB 31572-2015', '表1', 'RESIN_WW', 'w01001', 6, 9, NULL),
    ('GB 31572-2015', '表1', 'RESIN_WW', 'w01012', NULL, 30, NULL),
    ('GB 31572-2015', '表1', 'RESIN_WW', 'w01018', NULL, 60, NULL),
    ('GB 31572-2015', '表1', 'RESIN_WW', 'w21003', NULL, 8, NULL),
    ('GB 31572-2015', '表1', 'RESIN_WW', 'w21001', NULL, 40, NULL),
    ('GB 31572-2015', '表1', 'RESIN_WW', 'w21011', NULL, 1.0, NULL),
    -- GB 16171-2012 炼焦化学 (water)
    ('GB 16171-2012', '表2', 'COKING_WW', 'w01001', 6, 9, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w01012', NULL, 50, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w01018', NULL, 80, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w21003', NULL, 10, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w21001', NULL, 20, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w21011', NULL, 1.0, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w22001', NULL, 2.5, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w23002', NULL, 0.30, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w21019', NULL, 0.50, NULL),
    ('GB 16171-2012', '表2', 'COKING_WW', 'w21016', NULL, 0.20, NULL),
    -- GB 13458-2013 合成氨
    ('GB 13458-2013', '表2', 'NFERT_WW', 'w01001', 6, 9, NULL),
    ('GB 13458-2013', '表2', 'NFERT_WW', 'w01012', NULL, 50, NULL),
    ('GB 13458-2013', '表2', 'NFERT_WW', 'w01018', NULL, 80, NULL),
    ('GB 13458-2013', '表2', 'NFERT_WW', 'w21003', NULL, 25, NULL),
    ('GB 13458-2013', '表2', 'NFERT_WW', 'w21001', NULL, 35, NULL),
    ('GB 13458-2013', '表2', 'NFERT_WW', 'w21011', NULL, 0.5, NULL),
    -- GB 21904-2008 化学合成类制药
    ('GB 21904-2008', '表2', 'PHARMA_WW', 'w01001', 6, 9, NULL),
    ('GB 21904-2008', '表2', 'PHARMA_WW', 'w01012', NULL, 50, NULL),
    ('GB 21904-2008', '表2', 'PHARMA_WW', 'w01017', NULL, 25, NULL),
    ('GB 21904-2008', '表2', 'PHARMA_WW', 'w01018', NULL, 120, NULL),
    ('GB 21904-2008', '表2', 'PHARMA_WW', 'w21003', NULL, 25, NULL),
    ('GB 21904-2008', '表2', 'PHARMA_WW', 'w21001', NULL, 35, NULL),
    ('GB 21904-2008', '表2', 'PHARMA_WW', 'w21011', NULL, 1.0, NULL),
    -- GB 4287-2012 纺织染整
    ('GB 4287-2012', '表2', 'DYEING_WW', 'w01001', 6, 9, NULL),
    ('GB 4287-2012', '表2', 'DYEING_WW', 'w01012', NULL, 50, NULL),
    ('GB 4287-2012', '表2', 'DYEING_WW', 'w01017', NULL, 20, NULL),
    ('GB 4287-2012', '表2', 'DYEING_WW', 'w01018', NULL, 80, NULL),
    ('GB 4287-2012', '表2', 'DYEING_WW', 'w21003', NULL, 10, NULL),
    ('GB 4287-2012', '表2', 'DYEING_WW', 'w21001', NULL, 15, NULL),
    ('GB 4287-2012', '表2', 'DYEING_WW', 'w21011', NULL, 0.5, NULL),
    ('GB 4287-2012', '表2', 'DYEING_WW', 'w21019', NULL, 0.5, NULL),
    -- GB 30486-2013 制革及毛皮加工
    ('GB 30486-2013', '表2', 'TANNING_WW', 'w01001', 6, 9, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WW', 'w01012', NULL, 50, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WW', 'w01017', NULL, 30, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WW', 'w01018', NULL, 100, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WW', 'w21003', NULL, 25, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WW', 'w21001', NULL, 50, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WW', 'w21011', NULL, 1.0, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WW', 'w21019', NULL, 0.5, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WORKSHOP', 'w20116', NULL, 1.5, NULL),
    ('GB 30486-2013', '表2', 'TANNING_WORKSHOP', 'w20117', NULL, 0.1, NULL),
    -- GB 21900-2008 电镀 (water)
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w01001', 6, 9, NULL),
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w01012', NULL, 50, NULL),
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w01018', NULL, 80, NULL),
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w21003', NULL, 15, NULL),
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w21001', NULL, 20, NULL),
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w21011', NULL, 1.0, NULL),
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w22001', NULL, 3.0, NULL),
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w20122', NULL, 0.5, NULL),
    ('GB 21900-2008', '表2', 'PLATING_WW', 'w20123', NULL, 1.5, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w01001', 6, 9, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w01012', NULL, 30, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w01018', NULL, 50, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w21003', NULL, 8, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w21001', NULL, 15, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w21011', NULL, 0.5, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w22001', NULL, 2.0, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w20122', NULL, 0.3, NULL),
    ('GB 21900-2008', '表3', 'PLATING_WW', 'w20123', NULL, 1.0, NULL),
    ('GB 21900-2008', '表2', 'PLATING_CR_WORKSHOP', 'w20116', NULL, 1.0, NULL),
    ('GB 21900-2008', '表2', 'PLATING_CR_WORKSHOP', 'w20117', NULL, 0.2, NULL),
    ('GB 21900-2008', '表3', 'PLATING_CR_WORKSHOP', 'w20116', NULL, 0.5, NULL),
    ('GB 21900-2008', '表3', 'PLATING_CR_WORKSHOP', 'w20117', NULL, 0.1, NULL),
    ('GB 21900-2008', '表2', 'PLATING_NI_WORKSHOP', 'w20121', NULL, 0.5, NULL),
    ('GB 21900-2008', '表3', 'PLATING_NI_WORKSHOP', 'w20121', NULL, 0.1, NULL),
    -- GB 18918-2002 城镇污水处理厂 (ammonia nitrogen: the value for water above 12 °C)
    ('GB 18918-2002', '表1 一级A', 'WWTP', 'w01001', 6, 9, NULL),
    ('GB 18918-2002', '表1 一级A', 'WWTP', 'w01018', NULL, 50, NULL),
    ('GB 18918-2002', '表1 一级A', 'WWTP', 'w01017', NULL, 10, NULL),
    ('GB 18918-2002', '表1 一级A', 'WWTP', 'w01012', NULL, 10, NULL),
    ('GB 18918-2002', '表1 一级A', 'WWTP', 'w21003', NULL, 5, NULL),
    ('GB 18918-2002', '表1 一级A', 'WWTP', 'w21001', NULL, 15, NULL),
    ('GB 18918-2002', '表1 一级A', 'WWTP', 'w21011', NULL, 0.5, NULL),
    ('GB 18918-2002', '表1 一级B', 'WWTP', 'w01001', 6, 9, NULL),
    ('GB 18918-2002', '表1 一级B', 'WWTP', 'w01018', NULL, 60, NULL),
    ('GB 18918-2002', '表1 一级B', 'WWTP', 'w01017', NULL, 20, NULL),
    ('GB 18918-2002', '表1 一级B', 'WWTP', 'w01012', NULL, 20, NULL),
    ('GB 18918-2002', '表1 一级B', 'WWTP', 'w21003', NULL, 8, NULL),
    ('GB 18918-2002', '表1 一级B', 'WWTP', 'w21001', NULL, 20, NULL),
    ('GB 18918-2002', '表1 一级B', 'WWTP', 'w21011', NULL, 1, NULL),
    -- DB11/890-2012 北京 (ammonia nitrogen: the value outside 12-3 months)
    ('DB11/890-2012', '表1 A标准', 'WWTP', 'w01001', 6, 9, NULL),
    ('DB11/890-2012', '表1 A标准', 'WWTP', 'w01018', NULL, 20, NULL),
    ('DB11/890-2012', '表1 A标准', 'WWTP', 'w01017', NULL, 4, NULL),
    ('DB11/890-2012', '表1 A标准', 'WWTP', 'w01012', NULL, 5, NULL),
    ('DB11/890-2012', '表1 A标准', 'WWTP', 'w21003', NULL, 1.0, NULL),
    ('DB11/890-2012', '表1 A标准', 'WWTP', 'w21001', NULL, 10, NULL),
    ('DB11/890-2012', '表1 A标准', 'WWTP', 'w21011', NULL, 0.2, NULL),
    ('DB11/890-2012', '表1 B标准', 'WWTP', 'w01001', 6, 9, NULL),
    ('DB11/890-2012', '表1 B标准', 'WWTP', 'w01018', NULL, 30, NULL),
    ('DB11/890-2012', '表1 B标准', 'WWTP', 'w01017', NULL, 6, NULL),
    ('DB11/890-2012', '表1 B标准', 'WWTP', 'w01012', NULL, 5, NULL),
    ('DB11/890-2012', '表1 B标准', 'WWTP', 'w21003', NULL, 1.5, NULL),
    ('DB11/890-2012', '表1 B标准', 'WWTP', 'w21001', NULL, 15, NULL),
    ('DB11/890-2012', '表1 B标准', 'WWTP', 'w21011', NULL, 0.3, NULL),
    -- GB 18596-2001 畜禽养殖
    ('GB 18596-2001', '表5', 'LIVESTOCK_WW', 'w01017', NULL, 150, NULL),
    ('GB 18596-2001', '表5', 'LIVESTOCK_WW', 'w01018', NULL, 400, NULL),
    ('GB 18596-2001', '表5', 'LIVESTOCK_WW', 'w01012', NULL, 200, NULL),
    ('GB 18596-2001', '表5', 'LIVESTOCK_WW', 'w21003', NULL, 80, NULL),
    ('GB 18596-2001', '表5', 'LIVESTOCK_WW', 'w21011', NULL, 8.0, NULL),
    -- GB 21909-2008 制糖
    ('GB 21909-2008', '表2', 'SUGAR_WW', 'w01001', 6, 9, NULL),
    ('GB 21909-2008', '表2', 'SUGAR_WW', 'w01012', NULL, 70, NULL),
    ('GB 21909-2008', '表2', 'SUGAR_WW', 'w01017', NULL, 20, NULL),
    ('GB 21909-2008', '表2', 'SUGAR_WW', 'w01018', NULL, 100, NULL),
    ('GB 21909-2008', '表2', 'SUGAR_WW', 'w21003', NULL, 10, NULL),
    ('GB 21909-2008', '表2', 'SUGAR_WW', 'w21001', NULL, 15, NULL),
    ('GB 21909-2008', '表2', 'SUGAR_WW', 'w21011', NULL, 0.5, NULL),
    ('GB 21909-2008', '表3', 'SUGAR_WW', 'w01001', 6, 9, NULL),
    ('GB 21909-2008', '表3', 'SUGAR_WW', 'w01012', NULL, 10, NULL),
    ('GB 21909-2008', '表3', 'SUGAR_WW', 'w01017', NULL, 10, NULL),
    ('GB 21909-2008', '表3', 'SUGAR_WW', 'w01018', NULL, 50, NULL),
    ('GB 21909-2008', '表3', 'SUGAR_WW', 'w21003', NULL, 5, NULL),
    ('GB 21909-2008', '表3', 'SUGAR_WW', 'w21001', NULL, 8, NULL),
    ('GB 21909-2008', '表3', 'SUGAR_WW', 'w21011', NULL, 0.5, NULL),
    -- GB 25461-2010 淀粉
    ('GB 25461-2010', '表2', 'STARCH_WW', 'w01001', 6, 9, NULL),
    ('GB 25461-2010', '表2', 'STARCH_WW', 'w01012', NULL, 30, NULL),
    ('GB 25461-2010', '表2', 'STARCH_WW', 'w01017', NULL, 20, NULL),
    ('GB 25461-2010', '表2', 'STARCH_WW', 'w01018', NULL, 100, NULL),
    ('GB 25461-2010', '表2', 'STARCH_WW', 'w21003', NULL, 15, NULL),
    ('GB 25461-2010', '表2', 'STARCH_WW', 'w21001', NULL, 30, NULL),
    ('GB 25461-2010', '表2', 'STARCH_WW', 'w21011', NULL, 1.0, NULL),
    ('GB 25461-2010', '表3', 'STARCH_WW', 'w01001', 6, 9, NULL),
    ('GB 25461-2010', '表3', 'STARCH_WW', 'w01012', NULL, 10, NULL),
    ('GB 25461-2010', '表3', 'STARCH_WW', 'w01017', NULL, 10, NULL),
    ('GB 25461-2010', '表3', 'STARCH_WW', 'w01018', NULL, 50, NULL),
    ('GB 25461-2010', '表3', 'STARCH_WW', 'w21003', NULL, 5, NULL),
    ('GB 25461-2010', '表3', 'STARCH_WW', 'w21001', NULL, 10, NULL),
    ('GB 25461-2010', '表3', 'STARCH_WW', 'w21011', NULL, 0.5, NULL)
) AS l (std, tbl, src, pol, lo, hi, o2)
JOIN pollutant p ON p.code = l.pol;

-- Where special emission limits apply instead of a standard's general table: a province (2 digits) or city (4 digits)
-- prefix of the site's division, per medium.
CREATE TABLE special_emission_limit_region (
    region_code  varchar(6) COLLATE "C" NOT NULL REFERENCES region (code),
    medium       text NOT NULL CHECK (medium IN ('AIR', 'WATER')),
    basis_zh     text NOT NULL,
    basis_en     text NOT NULL,
    PRIMARY KEY (region_code, medium)
);
INSERT INTO special_emission_limit_region (region_code, medium, basis_zh, basis_en)
SELECT r.code, 'AIR', '生态环境部公告 2018年第9号（京津冀大气污染传输通道城市）',
       'MEE announcement 2018 No. 9 (Beijing-Tianjin-Hebei air pollution transport corridor cities)'
FROM region r WHERE r.code IN ('110000', '120000', '130100', '130200', '131000', '130600', '130900', '131100',
    '130500', '130400', '140100', '140300', '140400', '140500', '370100', '370300', '370800', '371400', '371500',
    '371600', '371700', '410100', '410200', '410500', '410600', '410700', '410800', '410900');
INSERT INTO special_emission_limit_region (region_code, medium, basis_zh, basis_en)
SELECT r.code, 'WATER', '环境保护部公告 2008年第28号（太湖流域）', 'MEP announcement 2008 No. 28 (Taihu basin)'
FROM region r WHERE r.code IN ('320200', '320400', '320500', '330500');

-- ---------------------------------------------------------------------------------------------------------
-- The outlets of a typical permit by industry and category, and how each pollutant is monitored there
-- ---------------------------------------------------------------------------------------------------------
-- One row per kind of outlet. `name_zh` numbers several outlets of a kind with {n} (1#锅炉烟囱, 2#锅炉烟囱).
-- `share_pct` of the sites have the outlet at all (a chromium workshop outlet only where chromium is plated); rows
-- with the same `choice_group` exclude each other, one of them chosen by share (a converter or an electric arc
-- furnace). A SIMPLIFIED site's outlets are general outlets.
CREATE TABLE industry_outlet_template (
    industry_code  varchar(4) COLLATE "C" NOT NULL REFERENCES industry (code),
    category       text NOT NULL CHECK (category IN ('KEY', 'SIMPLIFIED')),
    template_no    smallint NOT NULL,
    medium         text NOT NULL CHECK (medium IN ('AIR', 'WATER')),
    kind           text NOT NULL CHECK (kind IN ('MAIN', 'GENERAL')),
    name_zh        text NOT NULL,
    source         text NOT NULL REFERENCES emission_source (code),
    min_count      smallint NOT NULL DEFAULT 1 CHECK (min_count >= 1),
    max_count      smallint NOT NULL DEFAULT 1,
    share_pct      smallint NOT NULL DEFAULT 100 CHECK (share_pct BETWEEN 1 AND 100),
    choice_group   smallint,
    stack_min_m    numeric(6, 1),
    stack_max_m    numeric(6, 1),
    PRIMARY KEY (industry_code, category, template_no),
    FOREIGN KEY (industry_code, category) REFERENCES industry_management_category (industry_code, category),
    CHECK (max_count >= min_count),
    CHECK ((medium = 'AIR') = (stack_min_m IS NOT NULL AND stack_max_m >= stack_min_m)),
    CHECK (category = 'KEY' OR kind = 'GENERAL')
);
INSERT INTO industry_outlet_template (industry_code, category, template_no, medium, kind, name_zh, source, min_count,
                                      max_count, share_pct, choice_group, stack_min_m, stack_max_m) VALUES
    ('4411', 'KEY', 1, 'AIR', 'MAIN', '{n}#锅炉烟囱', 'POWER_COAL_BOILER', 1, 4, 100, NULL, 150, 240),
    ('4411', 'KEY', 2, 'AIR', 'GENERAL', '{n}#输煤系统除尘器排气筒', 'GENERAL_DUST', 1, 3, 90, NULL, 15, 40),
    ('4411', 'KEY', 3, 'WATER', 'GENERAL', '脱硫废水处理设施排放口', 'INTEGRATED_FIRST_CLASS', 1, 1, 60, NULL, NULL, NULL),
    ('4411', 'KEY', 4, 'WATER', 'MAIN', '废水总排放口', 'INTEGRATED_WW', 1, 1, 70, NULL, NULL, NULL),
    ('4411', 'KEY', 5, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 2, 100, NULL, NULL, NULL),
    ('4412', 'KEY', 1, 'AIR', 'MAIN', '{n}#锅炉烟囱', 'POWER_COAL_BOILER', 1, 3, 100, NULL, 80, 210),
    ('4412', 'KEY', 2, 'AIR', 'GENERAL', '{n}#输煤系统除尘器排气筒', 'GENERAL_DUST', 1, 2, 80, NULL, 15, 35),
    ('4412', 'KEY', 3, 'WATER', 'GENERAL', '脱硫废水处理设施排放口', 'INTEGRATED_FIRST_CLASS', 1, 1, 50, NULL, NULL, NULL),
    ('4412', 'KEY', 4, 'WATER', 'MAIN', '废水总排放口', 'INTEGRATED_WW', 1, 1, 60, NULL, NULL, NULL),
    ('4412', 'KEY', 5, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('4430', 'KEY', 1, 'AIR', 'MAIN', '{n}#燃煤锅炉烟囱', 'COAL_BOILER', 1, 3, 55, 1, 45, 100),
    ('4430', 'KEY', 2, 'AIR', 'MAIN', '{n}#燃气锅炉烟囱', 'GAS_BOILER', 1, 4, 45, 1, 15, 45),
    ('4430', 'KEY', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 80, NULL, NULL, NULL),
    ('4430', 'SIMPLIFIED', 1, 'AIR', 'GENERAL', '{n}#燃煤锅炉烟囱', 'COAL_BOILER', 1, 2, 35, 1, 30, 45),
    ('4430', 'SIMPLIFIED', 2, 'AIR', 'GENERAL', '{n}#燃气锅炉烟囱', 'GAS_BOILER', 1, 3, 65, 1, 8, 20),
    ('3011', 'KEY', 1, 'AIR', 'MAIN', '{n}#窑尾排气筒', 'KILN_TAIL', 1, 2, 100, NULL, 80, 120),
    ('3011', 'KEY', 2, 'AIR', 'MAIN', '{n}#窑头排气筒', 'CEMENT_DRYER_COOLER', 1, 2, 100, NULL, 30, 60),
    ('3011', 'KEY', 3, 'AIR', 'GENERAL', '煤磨排气筒', 'CEMENT_DRYER_COOLER', 1, 1, 100, NULL, 25, 40),
    ('3011', 'KEY', 4, 'AIR', 'GENERAL', '{n}#水泥磨排气筒', 'CEMENT_VENT', 1, 4, 100, NULL, 20, 40),
    ('3011', 'KEY', 5, 'AIR', 'GENERAL', '{n}#包装机除尘排气筒', 'CEMENT_VENT', 1, 3, 80, NULL, 15, 30),
    ('3011', 'KEY', 6, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('3011', 'SIMPLIFIED', 1, 'AIR', 'GENERAL', '{n}#水泥磨排气筒', 'CEMENT_VENT', 1, 3, 100, NULL, 20, 35),
    ('3011', 'SIMPLIFIED', 2, 'AIR', 'GENERAL', '{n}#包装机除尘排气筒', 'CEMENT_VENT', 1, 2, 100, NULL, 15, 25),
    ('3011', 'SIMPLIFIED', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 50, NULL, NULL, NULL),
    ('3110', 'KEY', 1, 'AIR', 'MAIN', '{n}#烧结机机头排气筒', 'SINTER_HEAD', 1, 2, 80, NULL, 80, 150),
    ('3110', 'KEY', 2, 'AIR', 'MAIN', '{n}#烧结机机尾排气筒', 'SINTER_TAIL', 1, 2, 80, NULL, 40, 80),
    ('3110', 'KEY', 3, 'AIR', 'MAIN', '{n}#高炉出铁场除尘排气筒', 'BF_DUST', 1, 3, 100, NULL, 30, 60),
    ('3110', 'KEY', 4, 'AIR', 'MAIN', '{n}#高炉矿槽除尘排气筒', 'BF_DUST', 1, 3, 100, NULL, 25, 50),
    ('3110', 'KEY', 5, 'AIR', 'GENERAL', '{n}#高炉热风炉烟囱', 'BF_HOT_STOVE', 1, 3, 100, NULL, 60, 100),
    ('3110', 'KEY', 6, 'WATER', 'MAIN', '废水总排放口', 'STEEL_WW', 1, 1, 60, NULL, NULL, NULL),
    ('3110', 'KEY', 7, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 2, 100, NULL, NULL, NULL),
    ('3120', 'KEY', 1, 'AIR', 'MAIN', '{n}#转炉二次烟气除尘排气筒', 'BOF_SECONDARY', 1, 3, 70, 1, 30, 60),
    ('3120', 'KEY', 2, 'AIR', 'MAIN', '{n}#电炉烟气除尘排气筒', 'BOF_SECONDARY', 1, 2, 30, 1, 30, 60),
    ('3120', 'KEY', 3, 'AIR', 'GENERAL', '石灰窑除尘排气筒', 'STEEL_LIME_KILN', 1, 1, 40, NULL, 30, 50),
    ('3120', 'KEY', 4, 'WATER', 'MAIN', '废水总排放口', 'STEEL_WW', 1, 1, 60, NULL, NULL, NULL),
    ('3120', 'KEY', 5, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 2, 100, NULL, NULL, NULL),
    ('3130', 'KEY', 1, 'AIR', 'GENERAL', '{n}#加热炉烟囱', 'ROLLING_FURNACE', 1, 2, 100, NULL, 40, 70),
    ('3130', 'KEY', 2, 'AIR', 'GENERAL', '{n}#酸洗机组酸雾净化排气筒', 'ROLLING_PICKLING', 1, 2, 100, NULL, 20, 40),
    ('3130', 'KEY', 3, 'WATER', 'MAIN', '废水总排放口', 'STEEL_WW', 1, 1, 100, NULL, NULL, NULL),
    ('3130', 'KEY', 4, 'WATER', 'MAIN', '含铬废水车间排放口', 'STEEL_WORKSHOP', 1, 1, 40, NULL, NULL, NULL),
    ('3130', 'KEY', 5, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('3130', 'SIMPLIFIED', 1, 'AIR', 'GENERAL', '{n}#加热炉烟囱', 'ROLLING_FURNACE', 1, 2, 100, NULL, 25, 50),
    ('3130', 'SIMPLIFIED', 2, 'WATER', 'GENERAL', '废水总排放口', 'STEEL_WW', 1, 1, 50, NULL, NULL, NULL),
    ('3130', 'SIMPLIFIED', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 50, NULL, NULL, NULL),
    ('2521', 'KEY', 1, 'AIR', 'MAIN', '{n}#焦炉烟囱', 'COKE_OVEN_STACK', 1, 2, 100, NULL, 100, 150),
    ('2521', 'KEY', 2, 'AIR', 'MAIN', '{n}#装煤地面站排气筒', 'COKE_CHARGING', 1, 2, 100, NULL, 25, 45),
    ('2521', 'KEY', 3, 'AIR', 'MAIN', '{n}#推焦地面站排气筒', 'COKE_PUSHING', 1, 2, 100, NULL, 25, 45),
    ('2521', 'KEY', 4, 'AIR', 'GENERAL', '{n}#焦炭筛分除尘排气筒', 'COKE_SCREENING', 1, 2, 100, NULL, 20, 35),
    ('2521', 'KEY', 5, 'WATER', 'MAIN', '废水总排放口', 'COKING_WW', 1, 1, 50, NULL, NULL, NULL),
    ('2521', 'KEY', 6, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('2511', 'KEY', 1, 'AIR', 'MAIN', '{n}#催化裂化再生烟气排放口', 'REFINERY_FCC', 1, 2, 100, NULL, 80, 120),
    ('2511', 'KEY', 2, 'AIR', 'MAIN', '{n}#工艺加热炉烟囱', 'REFINERY_HEATER', 1, 4, 100, NULL, 60, 100),
    ('2511', 'KEY', 3, 'AIR', 'MAIN', '硫磺回收尾气排放口', 'REFINERY_SRU', 1, 1, 90, NULL, 80, 120),
    ('2511', 'KEY', 4, 'AIR', 'GENERAL', '污水处理场有机废气排放口', 'REFINERY_VOC', 1, 1, 100, NULL, 15, 30),
    ('2511', 'KEY', 5, 'WATER', 'MAIN', '废水总排放口', 'REFINERY_WW', 1, 1, 100, NULL, NULL, NULL),
    ('2511', 'KEY', 6, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 2, 100, NULL, NULL, NULL),
    ('2614', 'KEY', 1, 'AIR', 'MAIN', '{n}#工艺加热炉烟囱', 'PETROCHEM_HEATER', 1, 2, 60, NULL, 40, 80),
    ('2614', 'KEY', 2, 'AIR', 'GENERAL', '{n}#有机废气焚烧炉排气筒', 'GENERAL_VOC', 1, 2, 100, NULL, 15, 40),
    ('2614', 'KEY', 3, 'WATER', 'MAIN', '废水总排放口', 'PETROCHEM_WW', 1, 1, 100, NULL, NULL, NULL),
    ('2614', 'KEY', 4, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('2621', 'KEY', 1, 'AIR', 'MAIN', '尿素造粒塔排气筒', 'GENERAL_DUST', 1, 1, 100, NULL, 60, 100),
    ('2621', 'KEY', 2, 'WATER', 'MAIN', '废水总排放口', 'NFERT_WW', 1, 1, 100, NULL, NULL, NULL),
    ('2621', 'KEY', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('2651', 'KEY', 1, 'AIR', 'MAIN', '{n}#有机废气焚烧炉排气筒', 'RESIN_VOC', 1, 2, 100, NULL, 20, 40),
    ('2651', 'KEY', 2, 'AIR', 'GENERAL', '{n}#干燥包装除尘排气筒', 'RESIN_DUST', 1, 2, 100, NULL, 15, 30),
    ('2651', 'KEY', 3, 'WATER', 'MAIN', '废水总排放口', 'RESIN_WW', 1, 1, 70, NULL, NULL, NULL),
    ('2651', 'KEY', 4, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('2710', 'KEY', 1, 'AIR', 'MAIN', '{n}#工艺废气处理设施排气筒', 'PHARMA_PROCESS', 1, 3, 100, NULL, 15, 40),
    ('2710', 'KEY', 2, 'AIR', 'GENERAL', '污水处理站废气排气筒', 'PHARMA_PROCESS', 1, 1, 100, NULL, 15, 25),
    ('2710', 'KEY', 3, 'WATER', 'MAIN', '废水总排放口', 'PHARMA_WW', 1, 1, 100, NULL, NULL, NULL),
    ('2710', 'KEY', 4, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('1713', 'KEY', 1, 'WATER', 'MAIN', '废水总排放口', 'DYEING_WW', 1, 1, 100, NULL, NULL, NULL),
    ('1713', 'KEY', 2, 'AIR', 'GENERAL', '{n}#定型机废气排放口', 'GENERAL_VOC', 1, 4, 90, NULL, 15, 25),
    ('1713', 'KEY', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('1910', 'KEY', 1, 'WATER', 'MAIN', '废水总排放口', 'TANNING_WW', 1, 1, 100, NULL, NULL, NULL),
    ('1910', 'KEY', 2, 'WATER', 'MAIN', '含铬废水车间排放口', 'TANNING_WORKSHOP', 1, 1, 85, NULL, NULL, NULL),
    ('1910', 'KEY', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('1910', 'SIMPLIFIED', 1, 'WATER', 'GENERAL', '废水总排放口', 'TANNING_WW', 1, 1, 100, NULL, NULL, NULL),
    ('1910', 'SIMPLIFIED', 2, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 50, NULL, NULL, NULL),
    ('2211', 'KEY', 1, 'WATER', 'MAIN', '废水总排放口', 'PULP_WW', 1, 1, 100, NULL, NULL, NULL),
    ('2211', 'KEY', 2, 'AIR', 'MAIN', '碱回收炉烟囱', 'COAL_BOILER', 1, 1, 80, NULL, 80, 120),
    ('2211', 'KEY', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 2, 100, NULL, NULL, NULL),
    ('2212', 'KEY', 1, 'WATER', 'MAIN', '废水总排放口', 'PULP_WW', 1, 1, 100, NULL, NULL, NULL),
    ('2212', 'KEY', 2, 'AIR', 'MAIN', '碱回收炉烟囱', 'COAL_BOILER', 1, 1, 60, NULL, 60, 100),
    ('2212', 'KEY', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('2221', 'KEY', 1, 'WATER', 'MAIN', '废水总排放口', 'PAPER_WW', 1, 1, 100, NULL, NULL, NULL),
    ('2221', 'KEY', 2, 'AIR', 'MAIN', '{n}#锅炉烟囱', 'COAL_BOILER', 1, 2, 60, NULL, 45, 80),
    ('2221', 'KEY', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('2221', 'SIMPLIFIED', 1, 'WATER', 'GENERAL', '废水总排放口', 'PAPER_WW', 1, 1, 100, NULL, NULL, NULL),
    ('2221', 'SIMPLIFIED', 2, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 60, NULL, NULL, NULL),
    ('0313', 'KEY', 1, 'WATER', 'MAIN', '废水排放口', 'LIVESTOCK_WW', 1, 1, 100, NULL, NULL, NULL),
    ('1340', 'KEY', 1, 'WATER', 'MAIN', '废水总排放口', 'SUGAR_WW', 1, 1, 100, NULL, NULL, NULL),
    ('1340', 'KEY', 2, 'AIR', 'MAIN', '{n}#锅炉烟囱', 'COAL_BOILER', 1, 2, 100, NULL, 45, 80),
    ('1340', 'KEY', 3, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('1340', 'SIMPLIFIED', 1, 'WATER', 'GENERAL', '废水总排放口', 'SUGAR_WW', 1, 1, 100, NULL, NULL, NULL),
    ('1340', 'SIMPLIFIED', 2, 'AIR', 'GENERAL', '锅炉烟囱', 'COAL_BOILER', 1, 1, 100, NULL, 35, 45),
    ('1391', 'KEY', 1, 'WATER', 'MAIN', '废水总排放口', 'STARCH_WW', 1, 1, 100, NULL, NULL, NULL),
    ('1391', 'KEY', 2, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('1391', 'SIMPLIFIED', 1, 'WATER', 'GENERAL', '废水总排放口', 'STARCH_WW', 1, 1, 100, NULL, NULL, NULL),
    ('1391', 'SIMPLIFIED', 2, 'AIR', 'GENERAL', '干燥除尘排气筒', 'GENERAL_DUST', 1, 1, 80, NULL, 15, 30),
    ('3216', 'KEY', 1, 'AIR', 'MAIN', '{n}#电解烟气净化系统排气筒', 'ALUMINIUM_POTLINE', 1, 4, 100, NULL, 40, 70),
    ('3216', 'KEY', 2, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('3360', 'KEY', 1, 'WATER', 'MAIN', '废水总排放口', 'PLATING_WW', 1, 1, 100, NULL, NULL, NULL),
    ('3360', 'KEY', 2, 'WATER', 'MAIN', '含铬废水车间排放口', 'PLATING_CR_WORKSHOP', 1, 1, 60, NULL, NULL, NULL),
    ('3360', 'KEY', 3, 'WATER', 'MAIN', '含镍废水车间排放口', 'PLATING_NI_WORKSHOP', 1, 1, 45, NULL, NULL, NULL),
    ('3360', 'KEY', 4, 'AIR', 'GENERAL', '{n}#酸雾净化塔排气筒', 'PLATING_ACID', 1, 2, 100, NULL, 15, 25),
    ('3360', 'KEY', 5, 'WATER', 'GENERAL', '雨水排放口', 'STORMWATER', 1, 1, 100, NULL, NULL, NULL),
    ('4620', 'KEY', 1, 'WATER', 'MAIN', '污水处理厂总排放口', 'WWTP', 1, 1, 100, NULL, NULL, NULL),
    ('4620', 'SIMPLIFIED', 1, 'WATER', 'GENERAL', '污水处理厂总排放口', 'WWTP', 1, 1, 100, NULL, NULL, NULL),
    ('2110', 'KEY', 1, 'AIR', 'MAIN', '{n}#喷涂废气处理设施排气筒', 'GENERAL_VOC', 1, 3, 100, NULL, 15, 30),
    ('2110', 'KEY', 2, 'AIR', 'GENERAL', '{n}#打磨除尘排气筒', 'GENERAL_DUST', 1, 2, 100, NULL, 15, 25),
    ('2110', 'SIMPLIFIED', 1, 'AIR', 'GENERAL', '{n}#喷涂废气排气筒', 'GENERAL_VOC', 1, 2, 100, NULL, 15, 25),
    ('2110', 'SIMPLIFIED', 2, 'AIR', 'GENERAL', '打磨除尘排气筒', 'GENERAL_DUST', 1, 1, 80, NULL, 15, 20),
    ('3311', 'KEY', 1, 'AIR', 'MAIN', '{n}#喷涂废气处理设施排气筒', 'GENERAL_VOC', 1, 2, 100, NULL, 15, 30),
    ('3311', 'KEY', 2, 'AIR', 'GENERAL', '{n}#抛丸除尘排气筒', 'GENERAL_DUST', 1, 2, 100, NULL, 15, 25),
    ('3311', 'SIMPLIFIED', 1, 'AIR', 'GENERAL', '喷涂废气排气筒', 'GENERAL_VOC', 1, 1, 100, NULL, 15, 25),
    ('3311', 'SIMPLIFIED', 2, 'AIR', 'GENERAL', '{n}#抛丸除尘排气筒', 'GENERAL_DUST', 1, 2, 70, NULL, 15, 20);

-- Per template outlet and pollutant: how it is monitored, written as permits write it (frequency_count times every
-- frequency_every frequency_unit). AUTOMATIC rows carry the manual frequency that applies while the monitor is out.
CREATE TABLE industry_outlet_pollutant (
    industry_code      varchar(4) COLLATE "C" NOT NULL,
    category           text NOT NULL,
    template_no        smallint NOT NULL,
    pollutant_code     varchar(6) COLLATE "C" NOT NULL REFERENCES pollutant (code),
    monitoring_mode    text NOT NULL CHECK (monitoring_mode IN ('AUTOMATIC', 'MANUAL')),
    frequency_count    smallint NOT NULL CHECK (frequency_count >= 1),
    frequency_every    smallint NOT NULL CHECK (frequency_every >= 1),
    frequency_unit     text NOT NULL CHECK (frequency_unit IN ('HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR')),
    sampling_method    text NOT NULL CHECK (sampling_method IN ('GRAB', 'COMPOSITE', 'NON_CONTINUOUS')),
    samples_per_event  smallint NOT NULL CHECK (samples_per_event >= 1),
    PRIMARY KEY (industry_code, category, template_no, pollutant_code),
    FOREIGN KEY (industry_code, category, template_no) REFERENCES industry_outlet_template (industry_code, category, template_no)
);
-- Written compactly: 'A' = automatic (manual fallback 4次/日), else count/[every]unit with H, D, W, M, Q, HY, Y
-- ('1/Q' = 1次/季度, '1/2H' = 1次/2小时). Air samples are non-continuous, 3 per event (HJ/T 397); water: grab samples,
-- composite (4 per event) where the standard's daily mean is taken from a composite sample.
INSERT INTO industry_outlet_pollutant (industry_code, category, template_no, pollutant_code, monitoring_mode,
                                       frequency_count, frequency_every, frequency_unit, sampling_method, samples_per_event)
SELECT t.industry_code, t.category, t.template_no, f.pol,
       CASE WHEN g.freq = 'A' THEN 'AUTOMATIC' ELSE 'MANUAL' END,
       CASE WHEN g.freq = 'A' THEN 4 ELSE m[1]::smallint END,
       CASE WHEN g.freq = 'A' OR m[2] = '' THEN 1 ELSE m[2]::smallint END,
       CASE WHEN g.freq = 'A' THEN 'DAY' ELSE CASE m[3] WHEN 'H' THEN 'HOUR' WHEN 'D' THEN 'DAY' WHEN 'W' THEN 'WEEK'
           WHEN 'M' THEN 'MONTH' WHEN 'Q' THEN 'QUARTER' WHEN 'HY' THEN 'HALF_YEAR' ELSE 'YEAR' END END,
       CASE WHEN t.medium = 'AIR' THEN 'NON_CONTINUOUS' WHEN f.pol IN ('w01018', 'w21003', 'w21001', 'w21011')
            AND t.source <> 'STORMWATER' THEN 'COMPOSITE' ELSE 'GRAB' END,
       CASE WHEN t.medium = 'AIR' THEN 3 WHEN f.pol IN ('w01018', 'w21003', 'w21001', 'w21011')
            AND t.source <> 'STORMWATER' THEN 4 ELSE 1 END
FROM (VALUES
    -- 4411 / 4412 power: boiler stacks automatic, mercury quarterly; coal handling quarterly; FGD wastewater monthly
    ('4411', 'KEY', 1, 'a00000,a21026,a21002,a34013', 'A'), ('4411', 'KEY', 1, 'a20057', '1/Q'),
    ('4411', 'KEY', 2, 'a00000,a34013', '1/Q'),
    ('4411', 'KEY', 3, 'w00000,w20111,w20115,w20116,w20119,w20120', '1/M'),
    ('4411', 'KEY', 4, 'w00000,w01001,w01018,w21003', 'A'), ('4411', 'KEY', 4, 'w01012,w22001,w21017,w21019,w23002,w21011', '1/M'),
    ('4411', 'KEY', 5, 'w01018,w01012', '1/M'),
    ('4412', 'KEY', 1, 'a00000,a21026,a21002,a34013', 'A'), ('4412', 'KEY', 1, 'a20057', '1/Q'),
    ('4412', 'KEY', 2, 'a00000,a34013', '1/Q'),
    ('4412', 'KEY', 3, 'w00000,w20111,w20115,w20116,w20119,w20120', '1/M'),
    ('4412', 'KEY', 4, 'w00000,w01001,w01018,w21003', 'A'), ('4412', 'KEY', 4, 'w01012,w22001,w21017,w21019,w23002,w21011', '1/M'),
    ('4412', 'KEY', 5, 'w01018,w01012', '1/M'),
    -- 4430 heat: boilers of 20 t/h or more automatic; smaller ones monthly (gas: NOx monthly, dust and SO2 yearly)
    ('4430', 'KEY', 1, 'a00000,a21026,a21002,a34013', 'A'), ('4430', 'KEY', 1, 'a20057', '1/Q'),
    ('4430', 'KEY', 2, 'a00000,a21026,a21002,a34013', 'A'),
    ('4430', 'KEY', 3, 'w01018,w01012', '1/M'),
    ('4430', 'SIMPLIFIED', 1, 'a00000,a21026,a21002,a34013', '1/M'), ('4430', 'SIMPLIFIED', 1, 'a20057', '1/Y'),
    ('4430', 'SIMPLIFIED', 2, 'a00000,a21002', '1/M'), ('4430', 'SIMPLIFIED', 2, 'a21026,a34013', '1/Y'),
    -- 3011 cement: kiln tail and head automatic; fluoride, ammonia quarterly, mercury half-yearly; vents half-yearly
    ('3011', 'KEY', 1, 'a00000,a34013,a21026,a21002', 'A'), ('3011', 'KEY', 1, 'a21018,a21001', '1/Q'),
    ('3011', 'KEY', 1, 'a20057', '1/HY'),
    ('3011', 'KEY', 2, 'a00000,a34013', 'A'),
    ('3011', 'KEY', 3, 'a00000,a34013', '1/HY'), ('3011', 'KEY', 4, 'a00000,a34013', '1/HY'),
    ('3011', 'KEY', 5, 'a00000,a34013', '1/HY'),
    ('3011', 'KEY', 6, 'w01018,w01012', '1/M'),
    ('3011', 'SIMPLIFIED', 1, 'a00000,a34013', '1/Y'), ('3011', 'SIMPLIFIED', 2, 'a00000,a34013', '1/Y'),
    ('3011', 'SIMPLIFIED', 3, 'w01018,w01012', '1/Q'),
    -- 3110 iron: sinter head automatic (fluoride half-yearly), tail, cast house and stock house automatic; stoves monthly
    ('3110', 'KEY', 1, 'a00000,a34013,a21026,a21002', 'A'), ('3110', 'KEY', 1, 'a21018', '1/HY'),
    ('3110', 'KEY', 2, 'a00000,a34013', 'A'), ('3110', 'KEY', 3, 'a00000,a34013', 'A'),
    ('3110', 'KEY', 4, 'a00000,a34013', 'A'),
    ('3110', 'KEY', 5, 'a00000,a34013,a21026,a21002', '1/M'),
    ('3110', 'KEY', 6, 'w00000,w01001,w01018,w21003', 'A'), ('3110', 'KEY', 6, 'w01012', '1/W'),
    ('3110', 'KEY', 6, 'w21001,w21011,w22001,w23002,w21017,w20123', '1/M'),
    ('3110', 'KEY', 7, 'w01018,w01012', '1/M'),
    -- 3120 steel
    ('3120', 'KEY', 1, 'a00000,a34013', 'A'), ('3120', 'KEY', 2, 'a00000,a34013', 'A'),
    ('3120', 'KEY', 3, 'a00000,a34013', '1/Q'),
    ('3120', 'KEY', 4, 'w00000,w01001,w01018,w21003', 'A'), ('3120', 'KEY', 4, 'w01012', '1/W'),
    ('3120', 'KEY', 4, 'w21001,w21011,w22001,w23002,w21017,w20123', '1/M'),
    ('3120', 'KEY', 5, 'w01018,w01012', '1/M'),
    -- 3130 rolling: furnaces monthly, pickling quarterly; chromium workshop outlet daily
    ('3130', 'KEY', 1, 'a00000,a34013,a21026,a21002', '1/M'), ('3130', 'KEY', 2, 'a00000,a21024,a34039', '1/Q'),
    ('3130', 'KEY', 3, 'w00000,w01001,w01018,w21003', 'A'), ('3130', 'KEY', 3, 'w01012', '1/W'),
    ('3130', 'KEY', 3, 'w21001,w21011,w22001,w20123', '1/M'),
    ('3130', 'KEY', 4, 'w00000,w20116,w20117', '1/D'),
    ('3130', 'KEY', 5, 'w01018,w01012', '1/M'),
    ('3130', 'SIMPLIFIED', 1, 'a00000,a34013,a21026,a21002', '1/HY'),
    ('3130', 'SIMPLIFIED', 2, 'w00000,w01001,w01018,w21003,w01012,w22001', '1/Q'),
    ('3130', 'SIMPLIFIED', 3, 'w01018,w01012', '1/Q'),
    -- 2521 coking
    ('2521', 'KEY', 1, 'a00000,a34013,a21026,a21002', 'A'), ('2521', 'KEY', 2, 'a00000,a34013,a21026', 'A'),
    ('2521', 'KEY', 3, 'a00000,a34013,a21026', 'A'), ('2521', 'KEY', 4, 'a00000,a34013', '1/HY'),
    ('2521', 'KEY', 5, 'w00000,w01001,w01018,w21003', 'A'),
    ('2521', 'KEY', 5, 'w01012,w21001,w21011,w22001,w23002,w21019,w21016', '1/M'),
    ('2521', 'KEY', 6, 'w01018,w01012', '1/M'),
    -- 2511 refining
    ('2511', 'KEY', 1, 'a00000,a34013,a21026,a21002', 'A'), ('2511', 'KEY', 2, 'a00000,a34013,a21026,a21002', 'A'),
    ('2511', 'KEY', 3, 'a00000,a21026', 'A'), ('2511', 'KEY', 4, 'a00000,a24088', '1/M'),
    ('2511', 'KEY', 5, 'w00000,w01001,w01018,w21003', 'A'), ('2511', 'KEY', 5, 'w22001,w21019,w23002', '1/W'),
    ('2511', 'KEY', 5, 'w01012,w21001,w21011,w01017', '1/M'),
    ('2511', 'KEY', 6, 'w01018,w01012', '1/M'),
    -- 2614 organic chemicals
    ('2614', 'KEY', 1, 'a00000,a34013,a21026,a21002', 'A'), ('2614', 'KEY', 2, 'a00000,a24088', '1/M'),
    ('2614', 'KEY', 3, 'w00000,w01001,w01018,w21003', 'A'),
    ('2614', 'KEY', 3, 'w21001,w21011,w01012,w22001,w23002,w21019', '1/M'),
    ('2614', 'KEY', 4, 'w01018,w01012', '1/M'),
    -- 2621 nitrogen fertilisers: total nitrogen daily
    ('2621', 'KEY', 1, 'a00000,a34013', 'A'),
    ('2621', 'KEY', 2, 'w00000,w01001,w01018,w21003', 'A'), ('2621', 'KEY', 2, 'w21001', '1/D'),
    ('2621', 'KEY', 2, 'w21011,w01012', '1/M'),
    ('2621', 'KEY', 3, 'w01018,w01012', '1/M'),
    -- 2651 resins
    ('2651', 'KEY', 1, 'a00000,a24088', 'A'), ('2651', 'KEY', 2, 'a00000,a34013', '1/HY'),
    ('2651', 'KEY', 3, 'w00000,w01001,w01018,w21003', 'A'), ('2651', 'KEY', 3, 'w21001,w21011,w01012', '1/M'),
    ('2651', 'KEY', 4, 'w01018,w01012', '1/M'),
    -- 2710 APIs: total nitrogen and phosphorus daily
    ('2710', 'KEY', 1, 'a00000,a24088', 'A'), ('2710', 'KEY', 2, 'a00000,a24088', '1/M'),
    ('2710', 'KEY', 3, 'w00000,w01001,w01018,w21003', 'A'), ('2710', 'KEY', 3, 'w21001,w21011', '1/D'),
    ('2710', 'KEY', 3, 'w01012,w01017', '1/M'),
    ('2710', 'KEY', 4, 'w01018,w01012', '1/M'),
    -- 1713 dyeing
    ('1713', 'KEY', 1, 'w00000,w01001,w01018,w21003', 'A'), ('1713', 'KEY', 1, 'w21001,w21011,w01012', '1/W'),
    ('1713', 'KEY', 1, 'w01017,w21019', '1/M'),
    ('1713', 'KEY', 2, 'a00000,a34013,a24088', '1/Q'),
    ('1713', 'KEY', 3, 'w01018,w01012', '1/M'),
    -- 1910 tanning: chromium at the workshop outlet daily
    ('1910', 'KEY', 1, 'w00000,w01001,w01018,w21003', 'A'), ('1910', 'KEY', 1, 'w21001,w01012', '1/W'),
    ('1910', 'KEY', 1, 'w21011,w01017,w21019', '1/M'),
    ('1910', 'KEY', 2, 'w00000,w20116,w20117', '1/D'),
    ('1910', 'KEY', 3, 'w01018,w01012', '1/M'),
    ('1910', 'SIMPLIFIED', 1, 'w00000,w01001,w01018,w21003,w01012', '1/Q'),
    ('1910', 'SIMPLIFIED', 2, 'w01018,w01012', '1/Q'),
    -- 2211 / 2212 pulp: recovery boiler automatic
    ('2211', 'KEY', 1, 'w00000,w01001,w01018,w21003', 'A'), ('2211', 'KEY', 1, 'w01012', '1/D'),
    ('2211', 'KEY', 1, 'w21001,w21011,w01017', '1/W'),
    ('2211', 'KEY', 2, 'a00000,a34013,a21026,a21002', 'A'),
    ('2211', 'KEY', 3, 'w01018,w01012', '1/M'),
    ('2212', 'KEY', 1, 'w00000,w01001,w01018,w21003', 'A'), ('2212', 'KEY', 1, 'w01012', '1/D'),
    ('2212', 'KEY', 1, 'w21001,w21011,w01017', '1/W'),
    ('2212', 'KEY', 2, 'a00000,a34013,a21026,a21002', 'A'),
    ('2212', 'KEY', 3, 'w01018,w01012', '1/M'),
    -- 2221 paper
    ('2221', 'KEY', 1, 'w00000,w01001,w01018,w21003', 'A'), ('2221', 'KEY', 1, 'w01012', '1/D'),
    ('2221', 'KEY', 1, 'w21001,w21011,w01017', '1/W'),
    ('2221', 'KEY', 2, 'a00000,a34013,a21026,a21002', 'A'),
    ('2221', 'KEY', 3, 'w01018,w01012', '1/M'),
    ('2221', 'SIMPLIFIED', 1, 'w00000,w01001,w01018,w21003,w01012', '1/M'),
    ('2221', 'SIMPLIFIED', 1, 'w21001,w21011,w01017', '1/Q'),
    ('2221', 'SIMPLIFIED', 2, 'w01018,w01012', '1/Q'),
    -- 0313 pigs
    ('0313', 'KEY', 1, 'w00000,w01018,w21003', 'A'), ('0313', 'KEY', 1, 'w21011', '1/M'),
    ('0313', 'KEY', 1, 'w01012,w01017', '1/Q'),
    -- 1340 sugar
    ('1340', 'KEY', 1, 'w00000,w01001,w01018,w21003', 'A'), ('1340', 'KEY', 1, 'w21001,w21011,w01012,w01017', '1/M'),
    ('1340', 'KEY', 2, 'a00000,a34013,a21026,a21002', 'A'),
    ('1340', 'KEY', 3, 'w01018,w01012', '1/M'),
    ('1340', 'SIMPLIFIED', 1, 'w00000,w01001,w01018,w21003', '1/M'), ('1340', 'SIMPLIFIED', 1, 'w01012,w21001,w21011', '1/Q'),
    ('1340', 'SIMPLIFIED', 2, 'a00000,a34013,a21026,a21002', '1/M'),
    -- 1391 starch
    ('1391', 'KEY', 1, 'w00000,w01001,w01018,w21003', 'A'), ('1391', 'KEY', 1, 'w21001,w21011,w01012,w01017', '1/M'),
    ('1391', 'KEY', 2, 'w01018,w01012', '1/M'),
    ('1391', 'SIMPLIFIED', 1, 'w00000,w01001,w01018,w21003', '1/M'), ('1391', 'SIMPLIFIED', 1, 'w01012,w21001,w21011', '1/Q'),
    ('1391', 'SIMPLIFIED', 2, 'a00000,a34013', '1/Y'),
    -- 3216 aluminium: fluoride monthly
    ('3216', 'KEY', 1, 'a00000,a34013,a21026', 'A'), ('3216', 'KEY', 1, 'a21018', '1/M'),
    ('3216', 'KEY', 2, 'w01018,w01012', '1/M'),
    -- 3360 electroplating: metals at workshop outlets daily, acid mist half-yearly
    ('3360', 'KEY', 1, 'w00000,w01001,w01018,w21003', 'A'), ('3360', 'KEY', 1, 'w20122,w20123', '1/D'),
    ('3360', 'KEY', 1, 'w21001,w21011,w01012', '1/W'), ('3360', 'KEY', 1, 'w22001', '1/M'),
    ('3360', 'KEY', 2, 'w00000,w20116,w20117', '1/D'), ('3360', 'KEY', 3, 'w00000,w20121', '1/D'),
    ('3360', 'KEY', 4, 'a00000,a21024,a34039', '1/HY'),
    ('3360', 'KEY', 5, 'w01018,w01012', '1/M'),
    -- 4620 municipal wastewater
    ('4620', 'KEY', 1, 'w00000,w01001,w01018,w21003,w21001,w21011', 'A'), ('4620', 'KEY', 1, 'w01012', '1/D'),
    ('4620', 'KEY', 1, 'w01017', '1/M'),
    ('4620', 'SIMPLIFIED', 1, 'w00000,w01018,w21003', 'A'), ('4620', 'SIMPLIFIED', 1, 'w01001', '1/D'),
    ('4620', 'SIMPLIFIED', 1, 'w21001,w21011', '1/W'), ('4620', 'SIMPLIFIED', 1, 'w01012,w01017', '1/M'),
    -- 2110 furniture, 3311 metal structures: coating exhaust
    ('2110', 'KEY', 1, 'a00000,a24088', 'A'), ('2110', 'KEY', 1, 'a25002,a25003,a25005', '1/Q'),
    ('2110', 'KEY', 2, 'a00000,a34013', '1/HY'),
    ('2110', 'SIMPLIFIED', 1, 'a00000,a24088', '1/HY'), ('2110', 'SIMPLIFIED', 1, 'a25002,a25003,a25005', '1/Y'),
    ('2110', 'SIMPLIFIED', 2, 'a00000,a34013', '1/Y'),
    ('3311', 'KEY', 1, 'a00000,a24088', 'A'), ('3311', 'KEY', 1, 'a25002,a25003,a25005', '1/Q'),
    ('3311', 'KEY', 2, 'a00000,a34013', '1/HY'),
    ('3311', 'SIMPLIFIED', 1, 'a00000,a24088', '1/HY'), ('3311', 'SIMPLIFIED', 1, 'a25005', '1/Y'),
    ('3311', 'SIMPLIFIED', 2, 'a00000,a34013', '1/Y')
) AS g (industry_code, category, template_no, pollutants, freq)
JOIN industry_outlet_template t USING (industry_code, category, template_no)
CROSS JOIN LATERAL unnest(string_to_array(g.pollutants, ',')) AS f (pol)
CROSS JOIN LATERAL (SELECT regexp_match(g.freq, '^([0-9]+)/([0-9]*)(H|D|W|M|Q|HY|Y)$') AS m) AS parsed;

-- ---------------------------------------------------------------------------------------------------------
-- Receiving waters (受纳水体) of each province
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE receiving_water (
    province_code  varchar(6) COLLATE "C" NOT NULL REFERENCES region (code),
    name_zh        text NOT NULL,
    PRIMARY KEY (province_code, name_zh)
);
INSERT INTO receiving_water (province_code, name_zh)
SELECT w.province || '0000', unnest(string_to_array(w.names, ','))
FROM (VALUES
    ('11', '永定河,潮白河,北运河,温榆河,凉水河'), ('12', '海河干流,北运河,独流减河,蓟运河,永定新河'),
    ('13', '滦河,子牙河,大清河,滏阳河,陡河'), ('14', '汾河,桑干河,沁河,涑水河'),
    ('15', '黄河,西辽河,大黑河,昆都仑河'), ('21', '辽河,浑河,太子河,大凌河,大辽河'),
    ('22', '松花江,图们江,饮马河,伊通河'), ('23', '松花江,嫩江,牡丹江,阿什河'),
    ('31', '黄浦江,苏州河,淀浦河,长江口'), ('32', '长江,京杭大运河,秦淮河,太湖,通榆河'),
    ('33', '钱塘江,甬江,瓯江,曹娥江,苕溪'), ('34', '淮河,长江,巢湖,新安江,涡河'),
    ('35', '闽江,九龙江,晋江,汀江'), ('36', '赣江,鄱阳湖,抚河,信江,袁河'),
    ('37', '小清河,沂河,大汶河,马颊河,徒骇河'), ('41', '黄河,沙颍河,贾鲁河,卫河,洛河'),
    ('42', '长江,汉江,府河,清江,沮漳河'), ('43', '湘江,资江,沅江,洞庭湖,浏阳河'),
    ('44', '珠江,西江,北江,东江,韩江,练江'), ('45', '西江,郁江,柳江,漓江,左江'),
    ('46', '南渡江,昌化江,万泉河'), ('50', '长江,嘉陵江,乌江,涪江'),
    ('51', '岷江,沱江,嘉陵江,府河,涪江'), ('52', '乌江,南明河,清水江,赤水河'),
    ('53', '滇池,南盘江,金沙江,澜沧江,螳螂川'), ('54', '拉萨河,年楚河,雅鲁藏布江'),
    ('61', '渭河,汉江,泾河,无定河'), ('62', '黄河,渭河,洮河,石羊河'),
    ('63', '湟水,黄河,格尔木河'), ('64', '黄河,清水河,典农河'),
    ('65', '乌鲁木齐河,伊犁河,额尔齐斯河,塔里木河')
) AS w (province, names);

-- ---------------------------------------------------------------------------------------------------------
-- Execution-report obligations a category carries (HJ 944-2018) and their usual deadlines in the permit's copy:
-- due on due_day of the due_months_after-th month after the period; alternative_due_day where some permits set
-- another day (the end of January for annual reports). `mandatory` false: only where the permit says so.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE report_obligation_default (
    category             text NOT NULL CHECK (category IN ('KEY', 'SIMPLIFIED')),
    report_type          text NOT NULL CHECK (report_type IN ('ANNUAL', 'SEMIANNUAL', 'QUARTERLY', 'MONTHLY')),
    mandatory            boolean NOT NULL,
    due_months_after     smallint NOT NULL CHECK (due_months_after BETWEEN 1 AND 12),
    due_day              smallint NOT NULL CHECK (due_day BETWEEN 1 AND 31),
    alternative_due_day  smallint CHECK (alternative_due_day BETWEEN 1 AND 31),
    PRIMARY KEY (category, report_type)
);
INSERT INTO report_obligation_default VALUES
    ('KEY', 'ANNUAL', true, 1, 15, 31),
    ('KEY', 'QUARTERLY', true, 1, 15, NULL),
    ('KEY', 'MONTHLY', false, 1, 15, NULL),
    ('SIMPLIFIED', 'ANNUAL', true, 1, 15, 31),
    ('SIMPLIFIED', 'QUARTERLY', false, 1, 15, NULL),
    ('SIMPLIFIED', 'SEMIANNUAL', false, 1, 15, NULL);

-- ---------------------------------------------------------------------------------------------------------
-- The transitional frequency enum is no longer written (it goes in a later version): nothing may require it.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE industry_pollutant_profile ALTER COLUMN manual_frequency DROP NOT NULL;

-- ---------------------------------------------------------------------------------------------------------
-- Until the public document is rewritten (next version): a registration receipt has no issuing authority, so the
-- document's authority is null instead of the whole document.
-- ---------------------------------------------------------------------------------------------------------
DO $$
DECLARE
    body text := pg_get_functiondef('permit_public_document(bigint)'::regprocedure);
BEGIN
    body := replace(body, '''issuingAuthority'', epermit_code_name(auth.code, auth.name_zh, auth.name_en)',
        '''issuingAuthority'', CASE WHEN auth.code IS NULL THEN NULL ELSE epermit_code_name(auth.code, auth.name_zh, auth.name_en) END');
    body := replace(body, 'JOIN region auth ON auth.code = p.issuing_authority',
        'LEFT JOIN region auth ON auth.code = p.issuing_authority');
    IF body NOT LIKE '%LEFT JOIN region auth%' THEN
        RAISE EXCEPTION 'permit_public_document is not the one this migration expects';
    END IF;
    EXECUTE body;
END
$$;
